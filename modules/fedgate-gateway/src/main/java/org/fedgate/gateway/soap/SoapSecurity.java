package org.fedgate.gateway.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.cache.EHCacheReplayCache;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * WS-Security for the SOAP back-end link, both ways: a UsernameToken with a password digest (nonce
 * and created time, so a captured header cannot be replayed) and a Timestamp.
 */
public final class SoapSecurity {

  private static final String ACTIONS =
      ConfigurationConstants.USERNAME_TOKEN + " " + ConfigurationConstants.TIMESTAMP;

  private SoapSecurity() {}

  /** Adds a UsernameToken and Timestamp to outgoing messages. */
  public static WSS4JOutInterceptor outbound(String username, char[] password) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConfigurationConstants.ACTION, ACTIONS);
    p.put(ConfigurationConstants.USER, username);
    p.put(ConfigurationConstants.PASSWORD_TYPE, "PasswordDigest");
    p.put(ConfigurationConstants.ADD_USERNAMETOKEN_NONCE, "true");
    p.put(ConfigurationConstants.ADD_USERNAMETOKEN_CREATED, "true");
    p.put(ConfigurationConstants.TTL_TIMESTAMP, "300");
    p.put(ConfigurationConstants.PW_CALLBACK_REF, handler(username, password));
    return new WSS4JOutInterceptor(p);
  }

  /** Requires a valid UsernameToken for the one expected user and a fresh Timestamp. */
  public static WSS4JInInterceptor inbound(String username, char[] password) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConfigurationConstants.ACTION, ACTIONS);
    p.put(ConfigurationConstants.PASSWORD_TYPE, "PasswordDigest");
    p.put(ConfigurationConstants.TTL_TIMESTAMP, "300");
    p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
    p.put(ConfigurationConstants.PW_CALLBACK_REF, handler(username, password));
    return new WSS4JInInterceptor(p);
  }

  /**
   * The replay caches of one receiving endpoint (the UsernameToken nonces and Timestamps seen
   * within their time to live), to pass to it with {@link #endpointProperties} and to close when it
   * stops. WSS4J's own default makes the same bounded EhCache stores (10,000 entries on the heap,
   * 50 MB on disk: WSS4J caches a nonce before it checks the password, so an unbounded cache would
   * let anyone grow the heap), but in a new {@code cxf*} directory under {@code java.io.tmpdir}
   * that nothing closes or deletes, one more at every start. These live in one {@code
   * fedgate-wss-replay-*} directory that {@link #close} deletes. Either way the caches are per
   * process: a replay to another instance of the agency, or after a restart, is caught only by the
   * Timestamp's 300 s limit.
   */
  public static final class ReplayCaches implements AutoCloseable {
    private final Path dir;
    private final EHCacheReplayCache nonces;
    private final EHCacheReplayCache timestamps;

    private ReplayCaches(Path dir, EHCacheReplayCache nonces, EHCacheReplayCache timestamps) {
      this.dir = dir;
      this.nonces = nonces;
      this.timestamps = timestamps;
    }

    /** Opens the caches of the endpoint {@code name} (unique in this process). */
    public static ReplayCaches open(String name) {
      Path dir = null;
      EHCacheReplayCache nonces = null;
      try {
        dir = Files.createTempDirectory("fedgate-wss-replay-");
        nonces = new EHCacheReplayCache(name + "-nonces", dir.resolve("nonces"));
        return new ReplayCaches(
            dir, nonces, new EHCacheReplayCache(name + "-timestamps", dir.resolve("timestamps")));
      } catch (IOException | WSSecurityException | RuntimeException e) {
        if (nonces != null) {
          nonces.close();
        }
        deleteTree(dir);
        throw new IllegalStateException("could not open the WS-Security replay caches", e);
      }
    }

    /** The endpoint properties that make WSS4J use these caches. */
    public Map<String, Object> endpointProperties() {
      Map<String, Object> p = new HashMap<>();
      p.put(SecurityConstants.NONCE_CACHE_INSTANCE, nonces);
      p.put(SecurityConstants.TIMESTAMP_CACHE_INSTANCE, timestamps);
      return p;
    }

    /** Closes both caches and deletes their directory. */
    @Override
    public void close() {
      try {
        nonces.close();
      } finally {
        try {
          timestamps.close();
        } finally {
          deleteTree(dir);
        }
      }
    }

    private static void deleteTree(Path root) {
      if (root == null || !Files.exists(root)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a file left in the temporary folder; nothing of a message is in it but nonce ids
      }
    }
  }

  private static CallbackHandler handler(String username, char[] password) {
    byte[] expected = username.getBytes(StandardCharsets.UTF_8);
    return callbacks -> {
      for (Callback c : callbacks) {
        if (c instanceof WSPasswordCallback pc) {
          // only the configured user has a password; any other name fails verification
          if (MessageDigest.isEqual(
              expected,
              pc.getIdentifier() == null
                  ? new byte[0]
                  : pc.getIdentifier().getBytes(StandardCharsets.UTF_8))) {
            pc.setPassword(new String(password));
          }
        } else {
          throw new UnsupportedCallbackException(c);
        }
      }
    };
  }
}
