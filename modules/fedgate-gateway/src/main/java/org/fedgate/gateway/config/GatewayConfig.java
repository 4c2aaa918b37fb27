package org.fedgate.gateway.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fedgate.model.AgencyId;

/**
 * The configuration of one gateway, read from YAML by {@link GatewayConfigLoader}. Every key is
 * documented in {@code docs/gateway.md}; relative paths are resolved against the directory of the
 * configuration file.
 *
 * @param agency this gateway's agency id, e.g. {@code TH-CCIB}
 * @param profile the national profile of the agency's back end ({@code TH}, {@code KH}, {@code ID})
 * @param agencyApi where the agency API (officers, back end, reviewers) listens
 * @param federationApi where the federation API (other gateways, mutual TLS) listens
 * @param tls the TLS key and the federation trust anchor for mutual TLS
 * @param signing the envelope and receipt signing key
 * @param directory the signed federation directory
 * @param agreements where the signed exchange agreements are
 * @param backend the national back end
 * @param store the gateway's database (audit log, outbox, inbox)
 * @param delivery retry, expiry and polling of outbound envelopes
 * @param auth officer token checking
 * @param metrics the Prometheus scrape endpoint
 * @param limits request size limits
 * @param retention how long this gateway keeps the envelopes it sent
 * @param instance this instance's name among several of one agency sharing a store (default: host
 *     name and agency API port), which owns the outbox and inbound rows it works on
 */
public record GatewayConfig(
    AgencyId agency,
    String profile,
    Listen agencyApi,
    Listen federationApi,
    Tls tls,
    Keystore signing,
    Directory directory,
    Agreements agreements,
    Backend backend,
    Store store,
    Delivery delivery,
    Auth auth,
    Metrics metrics,
    Limits limits,
    Retention retention,
    String instance) {

  public GatewayConfig {
    // sections left out of the file take their documented defaults
    delivery = delivery == null ? new Delivery(null, null, 0, null, null, 0, null, null) : delivery;
    backend = backend == null ? new Backend(null, null, null, null, null, null) : backend;
    metrics = metrics == null ? new Metrics(true, null, null) : metrics;
    limits = limits == null ? new Limits(0) : limits;
    retention = retention == null ? new Retention(null, null) : retention;
    agreements = agreements == null ? new Agreements(null, null) : agreements;
    auth = auth == null ? new Auth(null, null) : auth;
  }

  /** The instance name: configured, or host name and agency API port (stable over restarts). */
  @JsonIgnore
  public String instanceName() {
    if (instance != null && !instance.isBlank()) {
      return instance;
    }
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "localhost";
      }
    }
    return host + ":" + agencyApi.port();
  }

  /**
   * A listening socket. {@code port: 0} picks a free port (tests). {@code tls}, for the agency API
   * only, serves it over HTTPS with that server key (the federation API always uses the top-level
   * {@code tls} section, with mutual TLS).
   */
  public record Listen(String host, int port, String publicUrl, Keystore tls) {
    public Listen {
      host = host == null ? "127.0.0.1" : host;
    }

    /** The scheme, host and port a client of this socket uses. */
    @JsonIgnore
    public String origin(int boundPort) {
      return (tls != null ? "https://" : "http://") + host + ":" + boundPort;
    }

    /** Whether only this machine can reach the socket. */
    @JsonIgnore
    public boolean loopbackOnly() {
      return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
  }

  /** TLS key material for mutual TLS between gateways and the federation root it trusts. */
  public record Tls(Path keystore, Secret password, String alias, Path trustedRoot) {}

  /** A PKCS#12 keystore holding one private key and its certificate chain. */
  public record Keystore(Path keystore, Secret password, String alias) {}

  /**
   * The signed federation directory: a file path or an https URL, the pinned root certificate that
   * signs it, how often to reload it and how long past nextUpdate it is still accepted.
   */
  public record Directory(String source, Path rootCertificate, Duration refresh, Duration grace) {
    public Directory {
      refresh = refresh == null ? Duration.ofMinutes(5) : refresh;
      grace = grace == null ? Duration.ofHours(1) : grace;
    }
  }

  /**
   * The folder with the exchange agreements signed by both parties, and the master secret from
   * which the per-agreement pseudonymisation keys are derived (keep it in the environment).
   */
  public record Agreements(Path location, Secret pseudonymSecret) {}

  /** How to reach the national back end, and the credentials it uses towards the gateway. */
  public record Backend(
      BackendType type,
      String url,
      String username,
      Secret password,
      Duration timeout,
      SoapInbound soapInbound) {
    public Backend {
      type = type == null ? BackendType.INBOX : type;
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
  }

  /** REST (JSON), SOAP (XML with WS-Security) or INBOX (hold for officers, no back end). */
  public enum BackendType {
    REST,
    SOAP,
    INBOX
  }

  /** The WS-Security UsernameToken the back end presents when it submits by SOAP. */
  public record SoapInbound(String username, Secret password) {}

  /** The JDBC URL of the gateway's store: H2 (embedded default) or PostgreSQL. */
  /**
   * The one database of the audit log, outbox and inbound queue. {@code groupCommitWait}: how long
   * the group commit holds the first audited write of a batch open for more to join it (default 2
   * ms): fewer, larger durable commits, for that much more latency per audited step.
   */
  public record Store(
      String url, String username, Secret password, int poolSize, Duration groupCommitWait) {
    public Store {
      poolSize = poolSize <= 0 ? 8 : poolSize;
      groupCommitWait = groupCommitWait == null ? Duration.ofMillis(2) : groupCommitWait;
    }
  }

  /** Outbound delivery: envelope lifetime, exponential back-off and outbox polling. */
  public record Delivery(
      Duration envelopeTtl,
      Duration initialBackoff,
      double backoffMultiplier,
      Duration maxBackoff,
      Duration pollInterval,
      int workers,
      Duration requestTimeout,
      Duration claimLease) {
    public Delivery {
      envelopeTtl = envelopeTtl == null ? Duration.ofHours(24) : envelopeTtl;
      initialBackoff = initialBackoff == null ? Duration.ofMillis(250) : initialBackoff;
      backoffMultiplier = backoffMultiplier <= 1.0 ? 2.0 : backoffMultiplier;
      maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
      pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
      workers = workers <= 0 ? 8 : workers;
      requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
      // an instance renews its claim at every attempt: the lease must outlast the longest pause
      // between two attempts plus one attempt, or a live instance's work is taken over
      Duration floor = maxBackoff.plus(requestTimeout);
      claimLease =
          claimLease == null ? max(Duration.ofSeconds(60), floor.multipliedBy(2)) : claimLease;
    }

    private static Duration max(Duration a, Duration b) {
      return a.compareTo(b) >= 0 ? a : b;
    }
  }

  /**
   * Officer tokens: the identity-provider certificate of this agency (tokens are signed with its
   * key), the accepted clock skew and the maximum token lifetime.
   */
  public record Auth(Path identityProviderCertificate, Duration clockSkew) {
    public Auth {
      clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    }
  }

  /** The Prometheus scrape endpoint on the agency API port. */
  public record Metrics(boolean enabled, String path, Map<String, String> commonTags) {
    public Metrics {
      path = path == null ? "/metrics" : path;
      commonTags = commonTags == null ? Map.of() : Map.copyOf(commonTags);
    }
  }

  /** Size limits on request bodies. */
  public record Limits(long maxBodyBytes) {
    public Limits {
      maxBodyBytes = maxBodyBytes <= 0 ? 1024 * 1024 : maxBodyBytes;
    }
  }

  /**
   * What this gateway keeps of what it sent. {@code sentEnvelopes}: how long the sealed envelope
   * (the minimised record, personal data) of a finished outbox row (delivered, refused or expired)
   * is kept, counted from when it was sealed, before the retention sweep erases it; ids, digest,
   * state and the partner's signed receipt stay (default 30 days). What partners send is kept for
   * the period of the agreement instead. {@code idempotencyKeys}: how long an agency caller's
   * {@code Idempotency-Key} is remembered (default one day); the same key sent later is a new
   * request.
   */
  public record Retention(Duration sentEnvelopes, Duration idempotencyKeys) {
    public Retention {
      sentEnvelopes = sentEnvelopes == null ? Duration.ofDays(30) : sentEnvelopes;
      idempotencyKeys = idempotencyKeys == null ? Duration.ofDays(1) : idempotencyKeys;
    }
  }

  /** A secret value (password) that never prints itself. */
  public record Secret(String value) {
    @com.fasterxml.jackson.annotation.JsonCreator(
        mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
      return new Secret(value);
    }

    public char[] chars() {
      return value == null ? new char[0] : value.toCharArray();
    }

    @Override
    public String toString() {
      return "Secret[***]";
    }
  }

  /** The agency API's base URL, as printed by {@code serve} and {@code demo}. */
  @JsonIgnore
  public String agencyApiUrl(int boundPort) {
    return agencyApi.publicUrl() != null ? agencyApi.publicUrl() : agencyApi.origin(boundPort);
  }
}
