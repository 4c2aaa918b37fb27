package org.fedgate.trust;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Holds the current verified federation directory of one gateway. Updates are verified against the
 * pinned root and refused when older than the one held (rollback); reads refuse a directory past
 * {@code nextUpdate + grace}. Thread-safe.
 */
public final class DirectoryHolder {

  /** Default grace after nextUpdate before the directory counts as stale. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(24);

  private static final int MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

  private final FederationRoot root;
  private final Duration grace;
  private final AtomicReference<FederationDirectory> current = new AtomicReference<>();

  public DirectoryHolder(FederationRoot root, Duration grace) {
    this.root = Objects.requireNonNull(root, "root");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  public DirectoryHolder(FederationRoot root) {
    this(root, DEFAULT_GRACE);
  }

  public FederationRoot root() {
    return root;
  }

  /** Verifies and installs a signed directory; refuses a version lower than the one held. */
  public FederationDirectory update(String jws, Instant now) {
    FederationDirectory next = FederationDirectory.verify(jws, root, now, grace);
    while (true) {
      FederationDirectory held = current.get();
      if (held != null) {
        if (next.version() < held.version()) {
          throw new FedgateException(
              TrustError.DIRECTORY_ROLLBACK,
              "version " + next.version() + " older than held " + held.version());
        }
        if (next.version() == held.version()) {
          if (!next.document().equals(held.document())) {
            // same version, other content: a fork, treated like a rollback
            throw new FedgateException(
                TrustError.DIRECTORY_ROLLBACK, "version " + next.version() + " reissued");
          }
          return held;
        }
      }
      if (current.compareAndSet(held, next)) {
        return next;
      }
    }
  }

  /** Loads from a file path or an {@code http(s)://} / {@code file:} URL. */
  public FederationDirectory load(String fileOrUrl, Instant now) {
    if (fileOrUrl.startsWith("http://") || fileOrUrl.startsWith("https://")) {
      return update(fetch(URI.create(fileOrUrl)), now);
    }
    Path path = fileOrUrl.startsWith("file:") ? Path.of(URI.create(fileOrUrl)) : Path.of(fileOrUrl);
    try {
      if (Files.size(path) > MAX_DIRECTORY_BYTES) {
        throw new FedgateException(TrustError.DIRECTORY_INVALID, "directory larger than 4 MiB");
      }
      return update(Files.readString(path, StandardCharsets.UTF_8), now);
    } catch (IOException e) {
      throw new FedgateException(TrustError.DIRECTORY_UNAVAILABLE, "file unreadable", e);
    }
  }

  private static String fetch(URI uri) {
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new FedgateException(TrustError.DIRECTORY_UNAVAILABLE, "HTTP " + r.statusCode());
      }
      if (r.body().length > MAX_DIRECTORY_BYTES) {
        throw new FedgateException(TrustError.DIRECTORY_INVALID, "directory larger than 4 MiB");
      }
      return new String(r.body(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FedgateException(TrustError.DIRECTORY_UNAVAILABLE, "fetch failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FedgateException(TrustError.DIRECTORY_UNAVAILABLE, "interrupted", e);
    }
  }

  /** The directory held, checked for staleness at {@code now}. */
  public FederationDirectory current(Instant now) {
    FederationDirectory d = current.get();
    if (d == null) {
      throw new FedgateException(TrustError.DIRECTORY_UNAVAILABLE, "no directory loaded");
    }
    d.requireFresh(now, grace);
    return d;
  }
}
