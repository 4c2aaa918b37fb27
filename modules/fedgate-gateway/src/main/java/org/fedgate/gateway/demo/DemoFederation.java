package org.fedgate.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedgate.gateway.Gateway;
import org.fedgate.gateway.ModuleWiring;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.config.GatewayConfigLoader;
import org.fedgate.model.AgencyId;
import org.fedgate.policy.AgreementLoader;
import org.fedgate.policy.ShippedAgreements;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.MultiPartySigner;
import org.fedgate.trust.OfficerRole;
import org.fedgate.trust.OfficerTokens;
import org.fedgate.trust.SigningIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole federation on loopback: a fresh development PKI and signed directory, the six shipped
 * agreements signed by both parties, one configuration file per gateway (usable with {@code fedgate
 * serve}), mock national back ends (REST for TH and KH, SOAP with WS-Security for ID) and the three
 * gateways. Used by {@code fedgate demo}, the end-to-end tests and the load generator.
 */
public final class DemoFederation implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFederation.class);

  public static final AgencyId TH = AgencyId.of("TH-CCIB");
  public static final AgencyId KH = AgencyId.of("KH-AHTJP");
  public static final AgencyId ID = AgencyId.of("ID-BARESKRIM");
  public static final List<AgencyId> AGENCIES = List.of(TH, KH, ID);

  /** The demo back end's SOAP credentials (development only). */
  public static final String SOAP_USER = "bareskrim-backend";

  public static final String SOAP_PASSWORD = "dev-only-soap-secret";

  /** Ports and files of one gateway of the federation. */
  public record Member(
      AgencyId agency, int agencyPort, int federationPort, int backendPort, Path config) {}

  private final Path dir;
  private final DevPki.Result pki;
  private final Map<AgencyId, Member> members;
  private final Map<AgencyId, Gateway> gateways = new LinkedHashMap<>();
  private final List<Gateway> replicas = new java.util.ArrayList<>();
  private MockRestBackend thBackend;
  private MockRestBackend khBackend;
  private MockSoapBackend idBackend;

  private DemoFederation(Path dir, DevPki.Result pki, Map<AgencyId, Member> members) {
    this.dir = dir;
    this.pki = pki;
    this.members = members;
  }

  /**
   * Writes the PKI, signed agreements and configuration files into {@code dir}. {@code backendUrls}
   * overrides a member's back end (e.g. a WireMock server in tests); others get the mock back ends.
   */
  public static DemoFederation prepare(
      Path dir, Map<AgencyId, String> backendUrls, Duration maxBackoff) throws IOException {
    return prepare(dir, backendUrls, maxBackoff, DemoFederation::freePort);
  }

  /** A source of listen ports (tests substitute one that hands out a taken port). */
  @FunctionalInterface
  interface PortSource {
    int next() throws IOException;
  }

  /** How many times {@link #launch} picks fresh ports after a bind failure. */
  public static final int MAX_START_ATTEMPTS = 3;

  /**
   * Prepares and starts a federation, retrying with fresh ports (and a fresh folder, because the
   * ports are baked into the PKI and the stores are bound to its keys) when a port picked as free
   * was taken by another process before the gateway or mock back end bound it. Other start failures
   * are not retried.
   */
  public static DemoFederation launch(
      Path dir, Map<AgencyId, String> backendUrls, Duration maxBackoff, boolean mockBackends)
      throws IOException {
    return launch(dir, backendUrls, maxBackoff, mockBackends, DemoFederation::freePort);
  }

  static DemoFederation launch(
      Path dir,
      Map<AgencyId, String> backendUrls,
      Duration maxBackoff,
      boolean mockBackends,
      PortSource ports)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path d = attempt == 1 ? dir : dir.resolve("attempt-" + attempt);
      DemoFederation fed = prepare(d, backendUrls, maxBackoff, ports);
      try {
        return fed.start(mockBackends);
      } catch (IOException | RuntimeException e) {
        fed.close();
        if (attempt >= MAX_START_ATTEMPTS || !isBindFailure(e)) {
          throw e;
        }
        LOG.warn(
            "a picked port was taken meanwhile (attempt {}): retrying with fresh ports", attempt);
      }
    }
  }

  /**
   * A port source that never hands out the same port twice: the operating system may give a
   * just-closed ephemeral port again, and two listeners of one federation on one port would share
   * one CXF Jetty engine (which then refuses the second context instead of failing to bind).
   */
  static PortSource distinct(PortSource ports) {
    java.util.Set<Integer> given = new java.util.HashSet<>();
    return () -> {
      for (int i = 0; i < 50; i++) {
        int p = ports.next();
        if (given.add(p)) {
          return p;
        }
      }
      throw new IOException("no distinct free port found");
    };
  }

  /** True when {@code e} (or a cause) says a listen address was already in use. */
  static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null
          && (m.contains("Address already in use")
              || m.contains("Failed to bind")
              // CXF's Jetty engine for that port is still registered (a port handed out again)
              || m.contains("is still in use"))) {
        return true;
      }
    }
    return false;
  }

  static DemoFederation prepare(
      Path dir, Map<AgencyId, String> backendUrls, Duration maxBackoff, PortSource ports)
      throws IOException {
    Files.createDirectories(dir);
    Map<AgencyId, Member> members = new LinkedHashMap<>();
    Map<AgencyId, String> urls = new LinkedHashMap<>();
    ports = distinct(ports);
    for (AgencyId a : AGENCIES) {
      Member m =
          new Member(a, ports.next(), ports.next(), ports.next(), dir.resolve(lower(a) + ".yaml"));
      members.put(a, m);
      urls.put(a, "https://127.0.0.1:" + m.federationPort() + "/federation/v1");
    }
    DevPki.Result pki =
        DevPki.generate(dir.resolve("pki"), DevPki.Options.defaults().withGatewayUrls(urls));
    signAgreements(pki, dir.resolve("pki").resolve("agreements"));
    for (Member m : members.values()) {
      Files.writeString(
          m.config(),
          configYaml(m, pki, dir, backendUrls.get(m.agency()), maxBackoff),
          StandardCharsets.UTF_8);
    }
    return new DemoFederation(dir, pki, members);
  }

  /** Signs every shipped agreement with the signing keys of both its parties. */
  static void signAgreements(DevPki.Result pki, Path out) throws IOException {
    Files.createDirectories(out);
    MultiPartySigner signer = new MultiPartySigner(MultiPartySigner.AGREEMENT_TYP);
    for (String file : ShippedAgreements.files()) {
      byte[] json = ShippedAgreements.read(file).orElseThrow();
      var a = AgreementLoader.parse(json);
      String jws = signer.sign(json, List.of(pki.signing(a.from()), pki.signing(a.to())));
      Files.writeString(out.resolve(file.replace(".json", ".jws")), jws, StandardCharsets.UTF_8);
    }
  }

  private static String configYaml(
      Member m, DevPki.Result pki, Path dir, String backendUrl, Duration maxBackoff) {
    Path agencyDir = pki.agencyDir(m.agency());
    String backend;
    if (m.agency().equals(ID)) {
      backend =
          "backend:\n  type: SOAP\n  url: "
              + (backendUrl != null
                  ? backendUrl
                  : "http://127.0.0.1:" + m.backendPort() + "/soap/backend")
              + "\n  username: "
              + SOAP_USER
              + "\n  password: "
              + SOAP_PASSWORD
              + "\n  soapInbound: {username: "
              + SOAP_USER
              + ", password: "
              + SOAP_PASSWORD
              + "}\n";
    } else {
      backend =
          "backend:\n  type: REST\n  url: "
              + (backendUrl != null ? backendUrl : "http://127.0.0.1:" + m.backendPort() + "/")
              + "\n";
    }
    return "# "
        + m.agency()
        + " gateway of the fedgate demo federation (development PKI, never for production)\n"
        + "agency: "
        + m.agency()
        + "\nprofile: "
        + m.agency().country()
        + "\nagencyApi: {host: 127.0.0.1, port: "
        + m.agencyPort()
        + "}\nfederationApi: {host: 127.0.0.1, port: "
        + m.federationPort()
        + "}\ntls:\n  keystore: "
        + agencyDir.resolve("tls.p12")
        + "\n  password: "
        + DevPki.DEV_PASSWORD
        + "\n  trustedRoot: "
        + pki.rootCertificate()
        + "\nsigning:\n  keystore: "
        + agencyDir.resolve("signing.p12")
        + "\n  password: "
        + DevPki.DEV_PASSWORD
        + "\ndirectory:\n  source: "
        + pki.directoryJws()
        + "\n  rootCertificate: "
        + pki.rootCertificate()
        + "\nagreements:\n  location: "
        + dir.resolve("pki").resolve("agreements")
        + "\n  pseudonymSecret: demo-only-pseudonym-secret-"
        + lower(m.agency())
        + "\n"
        + backend
        + "store:\n  url: \"jdbc:h2:file:"
        + dir.resolve(lower(m.agency())).resolve("gateway").toAbsolutePath()
        + ";AUTO_SERVER=TRUE\"\n  username: sa\n"
        + "delivery:\n  workers: 32\n  initialBackoff: PT0.1S\n  maxBackoff: "
        + maxBackoff
        + "\n  pollInterval: PT0.05S\n"
        + "auth:\n  identityProviderCertificate: "
        + agencyDir.resolve("idp.pem")
        + "\n";
  }

  /** Starts the mock back ends (where not overridden) and the three gateways. */
  public DemoFederation start(boolean mockBackends) throws IOException {
    if (mockBackends) {
      startMockBackends();
    }
    for (AgencyId a : AGENCIES) {
      startGateway(a);
    }
    return this;
  }

  /** Starts the mock national back ends (REST for TH and KH, SOAP for ID). */
  public DemoFederation startMockBackends() throws IOException {
    thBackend = new MockRestBackend("127.0.0.1", members.get(TH).backendPort());
    khBackend = new MockRestBackend("127.0.0.1", members.get(KH).backendPort());
    idBackend =
        new MockSoapBackend(
            "127.0.0.1", members.get(ID).backendPort(), SOAP_USER, SOAP_PASSWORD.toCharArray());
    return this;
  }

  /** Starts (or restarts) one gateway from its configuration file. */
  public Gateway startGateway(AgencyId a) {
    GatewayConfig c = config(a);
    Gateway g = Gateway.start(c, ModuleWiring.wire(c));
    gateways.put(a, g);
    return g;
  }

  public void stopGateway(AgencyId a) {
    Gateway g = gateways.remove(a);
    if (g != null) {
      g.close();
    }
  }

  /**
   * Points a prepared (not yet started) member at another store, e.g. a PostgreSQL database ({@code
   * username} may be null when the URL carries it).
   */
  public void useStore(AgencyId a, String url, String username) throws IOException {
    Path config = members.get(a).config();
    String yaml = Files.readString(config, StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("store:\\n  url: \"[^\"]*\"\\n  username: [^\\n]*\\n")
            .matcher(yaml);
    if (!m.find()) {
      throw new IllegalStateException("no store section in " + config.getFileName());
    }
    String store =
        "store:\n  url: \""
            + url
            + "\"\n"
            + (username == null ? "" : "  username: " + username + "\n");
    Files.writeString(
        config,
        m.replaceFirst(java.util.regex.Matcher.quoteReplacement(store)),
        StandardCharsets.UTF_8);
  }

  /**
   * Serves a prepared (not yet started) member's agency API over HTTPS with its gateway TLS key
   * (whose certificate names localhost and 127.0.0.1).
   */
  public void useAgencyApiTls(AgencyId a) throws IOException {
    Path config = members.get(a).config();
    String yaml = Files.readString(config, StandardCharsets.UTF_8);
    String plain = "agencyApi: {host: 127.0.0.1, port: " + members.get(a).agencyPort() + "}";
    if (!yaml.contains(plain)) {
      throw new IllegalStateException("no plain agencyApi line in " + config.getFileName());
    }
    String tls =
        "agencyApi:\n  host: 127.0.0.1\n  port: "
            + members.get(a).agencyPort()
            + "\n  tls:\n    keystore: "
            + pki.tlsKeystore(a)
            + "\n    password: "
            + DevPki.DEV_PASSWORD;
    Files.writeString(config, yaml.replace(plain, tls), StandardCharsets.UTF_8);
  }

  /**
   * Writes the configuration of another instance of a prepared member: the same keys, agreements
   * and store, listening on ports of its own (one of several replicas behind the agency's load
   * balancer; they share the work through the store, which must then be PostgreSQL).
   */
  public Path replicaConfig(AgencyId a, String name) throws IOException {
    Member m = members.get(a);
    String yaml = Files.readString(m.config(), StandardCharsets.UTF_8);
    String api = "agencyApi: {host: 127.0.0.1, port: " + m.agencyPort() + "}";
    String federation = "federationApi: {host: 127.0.0.1, port: " + m.federationPort() + "}";
    if (!yaml.contains(api) || !yaml.contains(federation)) {
      throw new IllegalStateException("no plain listen lines in " + m.config().getFileName());
    }
    yaml =
        yaml.replace(api, "agencyApi: {host: 127.0.0.1, port: " + freePort() + "}")
            .replace(federation, "federationApi: {host: 127.0.0.1, port: " + freePort() + "}");
    Path out = m.config().resolveSibling(lower(a) + "-" + name + ".yaml");
    Files.writeString(out, yaml, StandardCharsets.UTF_8);
    return out;
  }

  /** Starts an instance from {@link #replicaConfig}; closed with the federation. */
  public Gateway startReplica(Path config) {
    GatewayConfig c = new GatewayConfigLoader().load(config);
    Gateway g = Gateway.start(c, ModuleWiring.wire(c));
    replicas.add(g);
    return g;
  }

  public GatewayConfig config(AgencyId a) {
    return new GatewayConfigLoader().load(members.get(a).config());
  }

  public Gateway gateway(AgencyId a) {
    return gateways.get(a);
  }

  public Member member(AgencyId a) {
    return members.get(a);
  }

  public Path dir() {
    return dir;
  }

  public DevPki.Result pki() {
    return pki;
  }

  public MockRestBackend restBackend(AgencyId a) {
    return a.equals(TH) ? thBackend : a.equals(KH) ? khBackend : null;
  }

  public MockSoapBackend soapBackend() {
    return idBackend;
  }

  /** A bearer token of the agency's identity provider (development keys). */
  public String token(AgencyId agency, String subject, OfficerRole role) {
    SigningIdentity idp = SigningIdentity.load(pki.idpKeystore(agency), pki.password());
    return OfficerTokens.issuer(idp).issue(subject, role, Duration.ofHours(8), Instant.now());
  }

  /** The JDBC URL of a gateway's store (audit log, outbox, inbound queue). */
  public String storeUrl(AgencyId a) {
    return config(a).store().url();
  }

  /** A resource from the class path (shipped samples). */
  public static byte[] resource(String name) throws IOException {
    try (InputStream in = DemoFederation.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return in.readAllBytes();
    }
  }

  static String lower(AgencyId a) {
    return a.value().toLowerCase(Locale.ROOT);
  }

  /** Ports this JVM has handed out already (see {@link #freePort}). */
  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A free port that this JVM has not handed out before: the operating system readily gives a
   * just-freed port again, and CXF keeps a Jetty engine per port number for the whole JVM, so a
   * gateway on a port an earlier (stopped) gateway used can find the old context still registered.
   */
  public static int freePort() throws IOException {
    for (int i = 0; i < 50; i++) {
      try (ServerSocket s = new ServerSocket(0)) {
        if (HANDED_OUT.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      }
    }
    throw new IOException("no free port that was not used before");
  }

  @Override
  public void close() {
    for (Gateway g : replicas) {
      g.close();
    }
    replicas.clear();
    for (AgencyId a : List.copyOf(gateways.keySet())) {
      stopGateway(a);
    }
    if (thBackend != null) thBackend.close();
    if (khBackend != null) khBackend.close();
    if (idBackend != null) idBackend.close();
  }
}
