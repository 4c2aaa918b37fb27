package org.fedgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.testing.DevCerts;
import org.fedgate.gateway.testing.FakeModules;
import org.fedgate.gateway.testing.Ports;
import org.fedgate.model.AgencyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two gateways on loopback with mutual TLS, the library modules replaced by test doubles. */
class GatewayRuntimeTest {

  static final AgencyId TH = AgencyId.of("TH-CCIB");
  static final AgencyId KH = AgencyId.of("KH-AHTJP");

  @TempDir static Path dir;
  static Gateway th;
  static Gateway kh;
  static List<AuditTrail.AuditEvent> thAudit = new CopyOnWriteArrayList<>();
  static List<AuditTrail.AuditEvent> khAudit = new CopyOnWriteArrayList<>();
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    DevCerts.generate(dir, TH.value(), KH.value());
    int thAgency = Ports.free(),
        thFed = Ports.free(),
        khAgency = Ports.free(),
        khFed = Ports.free();
    Map<AgencyId, URI> fed =
        Map.of(
            TH, URI.create("https://127.0.0.1:" + thFed + "/federation/v1/"),
            KH, URI.create("https://127.0.0.1:" + khFed + "/federation/v1/"));
    th = start(TH, thAgency, thFed, fed, thAudit);
    kh = start(KH, khAgency, khFed, fed, khAudit);
  }

  static Gateway start(
      AgencyId a,
      int agencyPort,
      int fedPort,
      Map<AgencyId, URI> fed,
      List<AuditTrail.AuditEvent> audit) {
    GatewayConfig.Secret pw = GatewayConfig.Secret.of(DevCerts.PASSWORD);
    GatewayConfig config =
        new GatewayConfig(
            a,
            a.country(),
            new GatewayConfig.Listen("127.0.0.1", agencyPort, null),
            new GatewayConfig.Listen("127.0.0.1", fedPort, null),
            new GatewayConfig.Tls(
                dir.resolve(a.value() + "-tls.p12"), pw, "tls", dir.resolve("root.pem")),
            new GatewayConfig.Keystore(dir.resolve(a.value() + "-tls.p12"), pw, "tls"),
            new GatewayConfig.Directory("unused", dir.resolve("root.pem"), null, null),
            new GatewayConfig.Agreements(null, null),
            null,
            new GatewayConfig.Store(
                "jdbc:h2:" + dir.resolve(a.value()).toAbsolutePath(), "sa", null, 0),
            new GatewayConfig.Delivery(
                null,
                Duration.ofMillis(50),
                2.0,
                Duration.ofMillis(500),
                Duration.ofMillis(50),
                2,
                null),
            null,
            new GatewayConfig.Metrics(true, null, null),
            new GatewayConfig.Limits(0));
    return Gateway.start(config, FakeModules.create(a, fed, audit, config.store().url()));
  }

  @AfterAll
  static void stop() {
    if (th != null) th.close();
    if (kh != null) kh.close();
  }

  static HttpResponse<String> post(Gateway g, String path, String token, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(g.agencyApiUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(Gateway g, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(g.agencyApiUrl() + path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void notification_travelsToPartner_deliveredAndHeldInInbox() throws Exception {
    HttpResponse<String> r =
        post(
            th,
            "/api/v1/notifications",
            "TH-CCIB:officer1:OFFICER",
            "{\"to\":[\"KH-AHTJP\"],\"purpose\":\"INVESTIGATION\",\"legalBasis\":\"MLAT\","
                + "\"justification\":\"CASE-1\",\"record\":{\"case\":\"c1\",\"secret\":\"x\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                th.context().outbox().all().stream()
                    .allMatch(e -> e.state() == Outbox.State.DELIVERED));
    HttpResponse<String> inbox = get(kh, "/api/v1/inbox", "KH-AHTJP:officer2:OFFICER");
    assertThat(inbox.body()).contains("c1").doesNotContain("secret");
    assertThat(khAudit).anyMatch(e -> e.operation() == AuditTrail.Operation.COLLECTION);
    assertThat(thAudit).anyMatch(e -> e.operation() == AuditTrail.Operation.DELIVERY);
  }

  @Test
  void notification_withoutJustification_isRefusedWithProblem() throws Exception {
    HttpResponse<String> r =
        post(
            th,
            "/api/v1/notifications",
            "TH-CCIB:officer1:OFFICER",
            "{\"to\":[\"KH-AHTJP\"],\"purpose\":\"INVESTIGATION\",\"record\":{}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    assertThat(r.body()).contains("FG-5005");
  }

  @Test
  void opsEndpoints_answerWithoutToken() throws Exception {
    assertThat(get(th, "/openapi.yaml", null).body()).contains("openapi: 3.1.0");
    assertThat(get(th, "/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(get(th, "/metrics", null).body()).contains("fedgate_outbox_depth");
  }
}
