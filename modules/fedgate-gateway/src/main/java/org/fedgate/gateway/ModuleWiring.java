package org.fedgate.gateway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fedgate.audit.AuditLog;
import org.fedgate.audit.AuditLogConfig;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.module.AuditLogTrail;
import org.fedgate.gateway.module.MappingTranslation;
import org.fedgate.gateway.module.PolicyMinimisation;
import org.fedgate.gateway.module.TrustEnvelopes;
import org.fedgate.gateway.module.TrustOfficerTokens;
import org.fedgate.gateway.port.OfficerTokens;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.fedgate.policy.AgreementRegistry;
import org.fedgate.policy.PseudonymKeyring;
import org.fedgate.trust.GatewayCheckpointSigner;
import org.fedgate.trust.MultiPartyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the real library modules (mapping, policy, trust, audit) behind the gateway's seams. */
public final class ModuleWiring {

  private static final Logger LOG = LoggerFactory.getLogger(ModuleWiring.class);

  private ModuleWiring() {}

  /** Builds the modules from the configuration. */
  public static Gateway.Modules wire(GatewayConfig c) {
    Clock clock = Clock.systemUTC();
    TrustEnvelopes trust = TrustEnvelopes.fromConfig(c, clock);
    AutoCloseable refresh = trust.refreshEvery(c.directory().refresh(), c.directory().source());

    AgreementRegistry registry = new AgreementRegistry(clock);
    MultiPartyVerifier signatures = new MultiPartyVerifier(trust.directory());
    int loaded = 0;
    for (Path file : agreementFiles(c)) {
      try {
        String jws = Files.readString(file, StandardCharsets.UTF_8).trim();
        registry.load(signatures.verify(jws, clock.instant()));
        loaded++;
      } catch (FedgateException e) {
        // default deny: an agreement that does not verify is simply not in force
        LOG.warn("agreement not loaded: file={} code={}", file.getFileName(), e.code());
      } catch (IOException e) {
        LOG.warn("agreement unreadable: file={}", file.getFileName());
      }
    }
    LOG.info("agreements in force: {}", loaded);
    PseudonymKeyring keyring =
        c.agreements() != null && c.agreements().pseudonymSecret() != null
            ? PseudonymKeyring.derivedFrom(
                c.agreements().pseudonymSecret().value().getBytes(StandardCharsets.UTF_8))
            : a -> Optional.empty();

    String user = c.store().username() == null ? "" : c.store().username();
    String pw = c.store().password() == null ? "" : c.store().password().value();
    // one pooled data source shared by the audit log and the gateway's own tables, for H2 and
    // PostgreSQL alike: a new session per transaction would cost more than the transaction (a TCP
    // connection and authentication each time on PostgreSQL). HikariCP rather than H2's own pool:
    // H2's pool rolls every session back when it is returned and handed out, and H2 drops a
    // session's parsed-statement cache on every rollback, so every statement was parsed again.
    String url = c.store().url();
    boolean h2 = url.startsWith("jdbc:h2:");
    if (!h2 && !url.startsWith("jdbc:postgresql:")) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "store.url must be an H2 or PostgreSQL JDBC URL");
    }
    if (h2) {
      // H2 passes every string and value it is given through a JVM-wide cache that shares equal
      // values, hashing each whole value first: a 10 KB envelope, body or receipt per insert (about
      // 2% of the CPU in the load profile), and recent envelopes (personal data) stay reachable
      // from the cache after their use. H2 reads the setting once, when it initialises; an
      // explicit -Dh2.objectCache wins.
      if (System.getProperty("h2.objectCache") == null) {
        System.setProperty("h2.objectCache", "false");
      }
      if (!url.toUpperCase(Locale.ROOT).contains("LOCK_TIMEOUT")) {
        url = url + ";LOCK_TIMEOUT=10000";
      }
      // each pooled session runs a few dozen distinct statements; H2 keeps the plans of only 8
      // per session by default and re-parses the rest every time (seen in the load profile)
      if (!url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
        url = url + ";QUERY_CACHE_SIZE=64";
      }
    }
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("fedgate-store-" + c.agency().value().toLowerCase(Locale.ROOT));
    hc.setJdbcUrl(url);
    // H2's default user is the empty name; PostgreSQL may take user and password from the URL
    hc.setUsername(h2 || c.store().username() != null ? user : null);
    hc.setPassword(h2 || c.store().password() != null ? pw : null);
    hc.setMaximumPoolSize(Math.max(16, c.store().poolSize()));
    HikariDataSource pooled;
    try {
      pooled = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      // Hikari's message may carry the driver's; keep only the kind of failure
      throw new FedgateException(
          GatewayError.STORE_UNAVAILABLE, "store unreachable: " + e.getClass().getSimpleName());
    }
    AutoCloseable pool = pooled::close;
    AuditStore store;
    try {
      store =
          h2
              ? org.fedgate.audit.store.H2AuditStore.open(pooled)
              : org.fedgate.audit.store.PostgresAuditStore.open(pooled);
    } catch (RuntimeException e) {
      pooled.close();
      throw e;
    }
    final AutoCloseable poolCloser = pool;
    AuditLog log;
    try {
      log =
          AuditLog.open(
              store,
              AuditLogConfig.defaults(
                  "fedgate." + c.agency().value().toLowerCase(Locale.ROOT) + "/audit"),
              new GatewayCheckpointSigner(trust.identity()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    byte[] certificate;
    try {
      certificate = trust.identity().certificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "signing certificate unreadable");
    }
    AuditLogTrail audit = new AuditLogTrail(log, c.store().url(), certificate);

    OfficerTokens officers =
        c.auth() == null || c.auth().identityProviderCertificate() == null
            ? token -> {
              throw new FedgateException(
                  GatewayError.UNAUTHENTICATED, "no identity provider configured");
            }
            : new TrustOfficerTokens(
                readCertificate(c.auth().identityProviderCertificate()), clock);
    return new Gateway.Modules(
        MappingTranslation.builtIn(),
        new PolicyMinimisation(registry, keyring, clock),
        trust,
        audit,
        officers,
        () -> {
          refresh.close();
          log.close();
          store.close();
          poolCloser.close();
        });
  }

  private static List<Path> agreementFiles(GatewayConfig c) {
    List<Path> files = new ArrayList<>();
    if (c.agreements() == null || c.agreements().location() == null) {
      return files;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(c.agreements().location(), "*.jws")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "agreements.location unreadable");
    }
    files.sort(null);
    return files;
  }

  static X509Certificate readCertificate(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (Exception e) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "auth.identityProviderCertificate unreadable");
    }
  }
}
