package org.fedgate.gateway.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.cache.MemoryReplayCache;
import org.apache.wss4j.common.ext.WSPasswordCallback;

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
   * The properties a receiving endpoint needs besides {@link #inbound}: its replay caches (the
   * UsernameToken nonces and Timestamps seen within their time to live), in memory. Without them
   * WSS4J makes an EhCache store for each endpoint in a new {@code cxf*} directory under {@code
   * java.io.tmpdir} that nothing deletes, one more at every start; the cache is per process either
   * way (a restarted endpoint still refuses a stale Timestamp, as {@link #inbound} requires one of
   * at most 300 s).
   */
  public static Map<String, Object> endpointProperties() {
    Map<String, Object> p = new HashMap<>();
    p.put(SecurityConstants.NONCE_CACHE_INSTANCE, new MemoryReplayCache());
    p.put(SecurityConstants.TIMESTAMP_CACHE_INSTANCE, new MemoryReplayCache());
    return p;
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
