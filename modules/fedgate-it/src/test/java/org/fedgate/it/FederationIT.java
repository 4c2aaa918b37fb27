package org.fedgate.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.Ids;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.DemoScenario;
import org.fedgate.gateway.demo.MockSoapBackend;
import org.fedgate.gateway.module.AuditLogTrail;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.soap.SoapSubmitClient;
import org.fedgate.mapping.Translator;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.InformationAccuracy;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.SourceReliability;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three gateways on loopback with the real modules: KH-AHTJP's back end is WireMock (REST),
 * ID-BARESKRIM's a CXF SOAP service with WS-Security, TH-CCIB's the demo's REST mock.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class FederationIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;
  static final AgencyId ID = DemoFederation.ID;

  /** Values from the raid sample that must never leave in clear (minor and presumed minor). */
  static final List<String> MINOR_MARKERS =
      List.of("น้ำฝน", "ฝนสมมติ", "1630100987659", "2553-08-12");

  /** Personal data of anyone in the sample: never in logs, metrics or problem documents. */
  static final List<String> PERSONAL_MARKERS =
      List.of(
          "ก้องภพ",
          "Kongphop",
          "Sisommatikun",
          "3-1006-00445-63-5",
          "3100600445635",
          "+66 81 000 0001",
          "kp.fictional",
          "พิมพ์ใจ",
          "Phimchai",
          "น้ำฝน",
          "1630100987659",
          "Zhangfict",
          "EF0000001",
          "000-0-00001-0",
          "ปรารถนา",
          "Prathana");

  @TempDir static Path dir;
  static DemoFederation fed;
  static WireMockServer khBackend;
  static ListAppender<ILoggingEvent> logs;
  static final List<String> problemBodies = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    logs = Api.captureLogs();
    khBackend = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    khBackend.start();
    khBackend.stubFor(post(urlEqualTo("/notifications")).willReturn(aResponse().withStatus(201)));
    fed =
        Api.launchWithRequestedCase(dir, Map.of(KH, "http://127.0.0.1:" + khBackend.port() + "/"));
  }

  @AfterAll
  static void stop() {
    if (fed != null) {
      fed.close();
    }
    if (khBackend != null) {
      khBackend.stop();
    }
    Api.releaseLogs(logs);
  }

  static String token(AgencyId a, String sub, OfficerRole role) {
    return fed.token(a, sub, role);
  }

  static String notification(List<AgencyId> to, Purpose purpose) throws Exception {
    ObjectNode body = GatewayContext.JSON.createObjectNode();
    var arr = body.putArray("to");
    to.forEach(a -> arr.add(a.value()));
    body.put("purpose", purpose.name());
    body.put("legalBasis", "ASEAN-MLAT-2004");
    body.put("justification", "CCIB-123-2567");
    body.set(
        "record", GatewayContext.JSON.readTree(DemoFederation.resource(DemoScenario.RAID_SAMPLE)));
    return body.toString();
  }

  static JsonNode canonicalRaid() throws Exception {
    return Translator.loadBuiltIn()
        .toCanonical("TH", DemoFederation.resource(DemoScenario.RAID_SAMPLE))
        .canonical();
  }

  @Test
  void notification_fromTh_arrivesAsKhJsonAndIdXml_withExactlyTheReleasedFields() throws Exception {
    int khBefore = khBackend.findAll(postRequestedFor(urlEqualTo("/notifications"))).size();
    int idBefore = fed.soapBackend().received().size();
    Api.Answer a =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "POST",
            "/api/v1/notifications",
            token(TH, "th-officer-1", OfficerRole.OFFICER),
            notification(List.of(KH, ID), Purpose.INVESTIGATION));
    assertThat(a.status()).as(a.raw()).isEqualTo(202);
    List<String> ids = new ArrayList<>();
    a.body().path("messageIds").forEach(n -> ids.add(n.asText()));
    assertThat(ids).hasSize(2);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                khBackend.findAll(postRequestedFor(urlEqualTo("/notifications"))).size() > khBefore
                    && fed.soapBackend().received().size() > idBefore);

    // what the agreements release: the sender's minimisation, translated for each receiver
    JsonNode canonical = canonicalRaid();
    var thMin = fed.gateway(TH).context().minimisation();
    Translator translator = Translator.loadBuiltIn();
    JsonNode forKh =
        thMin.minimise(TH, KH, Purpose.INVESTIGATION, "ASEAN-MLAT-2004", canonical).record();
    JsonNode forId =
        thMin.minimise(TH, ID, Purpose.INVESTIGATION, "ASEAN-MLAT-2004", canonical).record();

    LoggedRequest khReq =
        khBackend.findAll(postRequestedFor(urlEqualTo("/notifications"))).get(khBefore);
    JsonNode khExpected =
        GatewayContext.JSON.readTree(translator.fromCanonical("KH", forKh).content());
    assertThat(GatewayContext.JSON.readTree(khReq.getBodyAsString())).isEqualTo(khExpected);
    assertThat(khReq.getHeader("Content-Type")).contains("application/json");
    assertThat(ids).contains(khReq.getHeader("Idempotency-Key"));

    MockSoapBackend.Received idRec =
        fed.soapBackend().received().values().stream()
            .filter(r -> ids.contains(r.messageId()))
            .findFirst()
            .orElseThrow();
    assertThat(idRec.xml()).contains("Perkara");
    JsonNode idBack =
        translator.toCanonical("ID", idRec.xml().getBytes(StandardCharsets.UTF_8)).canonical();
    JsonNode idExpectedBack =
        translator.toCanonical("ID", translator.fromCanonical("ID", forId).content()).canonical();
    assertThat(idBack).isEqualTo(idExpectedBack);

    // victim protection: the minor's identity never arrives in clear
    for (String m : MINOR_MARKERS) {
      assertThat(khReq.getBodyAsString()).doesNotContain(m);
      assertThat(idRec.xml()).doesNotContain(m);
    }
  }

  @Test
  void recordRequest_fromKhOfficer_isAnsweredByTh_minimisedForKh_andPrivateToTheOfficer()
      throws Exception {
    String officer = token(KH, "kh-officer-7", OfficerRole.OFFICER);
    String id =
        Api.postRecordRequest(
            fed, officer, "VICTIM_IDENTIFICATION", "ACTIP-2015:Art.16", "AHTJP-2026-0042");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !"SENT".equals(Api.requestState(fed, officer, id)));
    Api.Answer answer =
        Api.call(fed.gateway(KH).agencyApiUrl(), "GET", "/api/v1/requests/" + id, officer, null);
    assertThat(answer.body().path("state").asText()).isEqualTo("ANSWERED");
    assertThat(answer.body().path("found").asBoolean()).isTrue();
    // th-05: a child victim under identity protection; her name never reaches KH in clear
    assertThat(answer.raw()).doesNotContain("ปรารถนา").doesNotContain("Prathana");

    Api.Answer other =
        Api.call(
            fed.gateway(KH).agencyApiUrl(),
            "GET",
            "/api/v1/requests/" + id,
            token(KH, "kh-officer-8", OfficerRole.OFFICER),
            null);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body().path("code").asText()).isEqualTo("FG-5009");
    problemBodies.add(other.raw());
  }

  /**
   * The answer-once guard: an answer to a partner's request that another instance closed meanwhile
   * (both had started on it) discloses nothing: no outbox row, no RESPONSE entry. Driven on the
   * disclosing step itself, because with claims two instances seldom reach it together.
   */
  @Test
  void recordRequest_answeredAgainAfterItWasClosed_disclosesNothing() throws Exception {
    String officer = token(KH, "kh-officer-9", OfficerRole.OFFICER);
    String id =
        Api.postRecordRequest(
            fed, officer, "VICTIM_IDENTIFICATION", "ACTIP-2015:Art.16", "AHTJP-2026-0042");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "ANSWERED".equals(Api.requestState(fed, officer, id)));
    var th = fed.gateway(TH);
    List<String> closed =
        th.context()
            .inbound()
            .idsInState(org.fedgate.gateway.store.InboundQueue.State.REQUEST_DONE, 1000);
    assertThat(closed).isNotEmpty();
    String answered = closed.get(0);

    EnvelopeTrust.Sealed late =
        seal(th, minimised(th, KH, "ASEAN-MLAT-2004"), KH, "ASEAN-MLAT-2004");
    var exchange = new org.apache.camel.support.DefaultExchange(th.camel());
    var in = exchange.getIn();
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.SEALED, late);
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.PARTNER, KH);
    in.setHeader(
        org.fedgate.gateway.route.GatewayHeaders.MESSAGE_TYPE, MessageType.RECORD_RESPONSE);
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.PURPOSE, Purpose.VICTIM_IDENTIFICATION);
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.CONVERSATION_ID, late.messageId());
    in.setHeader(
        org.fedgate.gateway.route.GatewayHeaders.EXPIRES_AT, Instant.now().plusSeconds(600));
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.LEGAL_BASIS, "ACTIP-2015:Art.16");
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.JUSTIFICATION, "AHTJP-2026-0042");
    in.setHeader(org.fedgate.gateway.route.GatewayHeaders.INBOUND_ENTRY, answered);
    var inFlight = new org.fedgate.gateway.route.step.InFlight();
    new org.fedgate.gateway.route.step.DiscloseAndEnqueueStep(
            th.context(), new org.fedgate.gateway.route.step.Handoff(inFlight, "seda:nowhere"))
        .process(exchange);

    assertThat(th.context().outbox().find(late.messageId())).isEmpty();
    assertThat(Api.auditEntries(th, "RESPONSE", late.messageId())).isZero();
    assertThat(inFlight.size()).as("the hand-off claim is released").isZero();
  }

  @Test
  void agencyApi_withoutJustification_or_wrongRole_isRefusedWithProblem() throws Exception {
    ObjectNode body =
        (ObjectNode) GatewayContext.JSON.readTree(notification(List.of(KH), Purpose.INVESTIGATION));
    body.remove("legalBasis");
    Api.Answer a =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "POST",
            "/api/v1/notifications",
            token(TH, "th-officer-1", OfficerRole.OFFICER),
            body.toString());
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-5005");
    problemBodies.add(a.raw());

    Api.Answer reviewer =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "POST",
            "/api/v1/notifications",
            token(TH, "th-reviewer-1", OfficerRole.REVIEWER),
            notification(List.of(KH), Purpose.INVESTIGATION));
    assertThat(reviewer.status()).isEqualTo(403);
    assertThat(reviewer.body().path("code").asText()).isEqualTo("FG-5004");
    problemBodies.add(reviewer.raw());

    Api.Answer officerReadsAudit =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "GET",
            "/api/v1/audit/entries",
            token(TH, "th-officer-1", OfficerRole.OFFICER),
            null);
    assertThat(officerReadsAudit.body().path("code").asText()).isEqualTo("FG-5004");

    Api.Answer otherAgencyToken =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "POST",
            "/api/v1/notifications",
            token(KH, "kh-officer-1", OfficerRole.OFFICER),
            notification(List.of(KH), Purpose.INVESTIGATION));
    assertThat(otherAgencyToken.status()).isEqualTo(401);
    assertThat(otherAgencyToken.body().path("code").asText()).isEqualTo("FG-5003");

    // a bad Thai check digit is refused by the TH profile before anything leaves; no value echoed
    ObjectNode bad =
        (ObjectNode) GatewayContext.JSON.readTree(notification(List.of(KH), Purpose.INVESTIGATION));
    ((ObjectNode) bad.path("record").path("persons").get(3)).put("pin", "1100500123452");
    Api.Answer badPin =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "POST",
            "/api/v1/notifications",
            token(TH, "th-officer-1", OfficerRole.OFFICER),
            bad.toString());
    assertThat(badPin.status()).isBetween(400, 499);
    assertThat(badPin.body().path("code").asText()).startsWith("FG-1");
    assertThat(badPin.raw()).doesNotContain("1100500123452");
    problemBodies.add(badPin.raw());
  }

  @Test
  void soapSubmission_fromIdBackend_withWsSecurity_reachesTh_andWrongPasswordIsRefused()
      throws Exception {
    String url = fed.gateway(ID).agencyApiUrl() + "/soap/notifications";
    byte[] xml =
        DemoFederation.resource("schemas/national/id/samples/id-01-tppo-scam-compound.xml");
    List<String> ids =
        new SoapSubmitClient(
                url, DemoFederation.SOAP_USER, DemoFederation.SOAP_PASSWORD.toCharArray())
            .submit(List.of(TH), "INVESTIGATION", "UNTOC-2000:Art.18", "BARESKRIM-LP-2026-77", xml);
    assertThat(ids).hasSize(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fed.restBackend(TH).received().containsKey(ids.get(0)));
    assertThat(
            new String(
                fed.restBackend(TH).received().get(ids.get(0)).body(), StandardCharsets.UTF_8))
        .startsWith("{");

    SoapSubmitClient wrong =
        new SoapSubmitClient(url, DemoFederation.SOAP_USER, "guess".toCharArray());
    assertThatThrownBy(
            () -> wrong.submit(List.of(TH), "INVESTIGATION", "UNTOC-2000:Art.18", "X-1", xml))
        .isInstanceOf(jakarta.xml.ws.soap.SOAPFaultException.class);
  }

  @Test
  void opsEndpoints_serveOpenApiHealthAndMetrics_withoutToken() throws Exception {
    String base = fed.gateway(TH).agencyApiUrl();
    assertThat(Api.call(base, "GET", "/openapi.yaml", null, null).raw()).contains("openapi: 3.1.0");
    Api.Answer ready = Api.call(base, "GET", "/health/ready", null, null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().path("checks").path("directory").asText()).isEqualTo("UP");
    assertThat(Api.call(base, "GET", "/health/live", null, null).status()).isEqualTo(200);
    String metrics = Api.call(base, "GET", "/metrics", null, null).raw();
    assertThat(metrics)
        .contains("fedgate_outbox_depth")
        .contains("fedgate_step_latency_seconds")
        .contains("agency=\"TH-CCIB\"")
        // the notification test ran before: validation and translation are timed apart
        .contains("step=\"validate\"")
        .contains("step=\"translate\"");
    Api.Answer noToken = Api.call(base, "GET", "/api/v1/inbox", null, null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.body().path("code").asText()).isEqualTo("FG-5003");
    assertThat(noToken.raw()).contains("\"type\":\"urn:fedgate:problem:FG-5003\"");
  }

  @Test
  void reviewer_readsAuditTrail_andTheReadIsAudited() throws Exception {
    String reviewer = token(TH, "th-reviewer-2", OfficerRole.REVIEWER);
    Api.Answer page =
        Api.call(
            fed.gateway(TH).agencyApiUrl(), "GET", "/api/v1/audit/entries?limit=5", reviewer, null);
    assertThat(page.status()).as(page.raw()).isEqualTo(200);
    assertThat(page.body().path("entries").isArray()).isTrue();
    Api.Answer verify =
        Api.call(fed.gateway(TH).agencyApiUrl(), "GET", "/api/v1/audit/verify", reviewer, null);
    assertThat(verify.body().path("valid").asBoolean()).as(verify.raw()).isTrue();
    Api.Answer cp =
        Api.call(fed.gateway(TH).agencyApiUrl(), "GET", "/api/v1/audit/checkpoint", reviewer, null);
    assertThat(cp.status()).as(cp.raw()).isEqualTo(200);
    Api.Answer proof =
        Api.call(
            fed.gateway(TH).agencyApiUrl(), "GET", "/api/v1/audit/entries/0/proof", reviewer, null);
    assertThat(proof.status()).as(proof.raw()).isEqualTo(200);
    Api.Answer consistency =
        Api.call(
            fed.gateway(TH).agencyApiUrl(),
            "GET",
            "/api/v1/audit/consistency?first=1&second=2",
            reviewer,
            null);
    assertThat(consistency.status()).as(consistency.raw()).isEqualTo(200);
    assertThat(consistency.body().path("secondRoot").asText()).hasSize(64);
    Api.Answer export =
        Api.call(fed.gateway(TH).agencyApiUrl(), "GET", "/api/v1/audit/export", reviewer, null);
    assertThat(export.status()).as(export.raw()).isEqualTo(200);
    AuditLogTrail th = (AuditLogTrail) fed.gateway(TH).context().audit();
    JsonNode access =
        th.query(
            new AuditTrail.AuditQuery(
                null,
                null,
                null,
                "th-reviewer-2",
                null,
                "AUDIT_ACCESS",
                null,
                null,
                null,
                -1,
                100));
    assertThat(access.path("entries").size()).isGreaterThanOrEqualTo(6);
  }

  // ---- rejections on the receiving side ----

  EnvelopeTrust.Sealed sealFromTh(JsonNode record, AgencyId to) {
    return sealFromTh(record, to, "ACTIP-2015:Art.17");
  }

  EnvelopeTrust.Sealed sealFromTh(JsonNode record, AgencyId to, String legalBasis) {
    return seal(fed.gateway(TH), record, to, legalBasis);
  }

  /** A notification envelope sealed by a TH-CCIB gateway instance, as its outbox would hold it. */
  static EnvelopeTrust.Sealed seal(
      org.fedgate.gateway.Gateway th, JsonNode record, AgencyId to, String legalBasis) {
    Instant now = Instant.now();
    String id = Ids.uuidV7(now);
    return th.context()
        .trust()
        .seal(
            new EnvelopeHeader(
                id,
                id,
                MessageType.CASE_NOTIFICATION,
                TH,
                to,
                Purpose.INVESTIGATION,
                legalBasis,
                "CCIB-123-2567",
                Set.of(HandlingCode.H0),
                SourceReliability.B,
                InformationAccuracy.KNOWN_TO_SOURCE,
                now,
                now.plusSeconds(600),
                "TH-CCIB." + to.value(),
                to.equals(KH) ? "2" : "1.0",
                "acr-1.0"),
            record);
  }

  JsonNode minimisedForKh() throws Exception {
    return minimisedFor(KH, "ACTIP-2015:Art.17");
  }

  /** The raid sample as TH releases it to {@code to} for an investigation. */
  JsonNode minimisedFor(AgencyId to, String legalBasis) throws Exception {
    return minimised(fed.gateway(TH), to, legalBasis);
  }

  /** The raid sample as a TH-CCIB instance releases it to {@code to} for an investigation. */
  static JsonNode minimised(org.fedgate.gateway.Gateway th, AgencyId to, String legalBasis)
      throws Exception {
    return th.context()
        .minimisation()
        .minimise(TH, to, Purpose.INVESTIGATION, legalBasis, canonicalRaid())
        .record();
  }

  static boolean audited(AgencyId at, String operation, String code) {
    JsonNode page =
        ((AuditLogTrail) fed.gateway(at).context().audit())
            .query(
                new AuditTrail.AuditQuery(
                    null, null, null, null, null, operation, null, null, null, -1, 1000));
    for (JsonNode e : page.path("entries")) {
      if (code.equals(e.path("errorCode").asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void forgedEnvelope_isRejectedAndAudited() throws Exception {
    String jws = sealFromTh(minimisedForKh(), KH).jws();
    ObjectNode flattened = (ObjectNode) GatewayContext.JSON.readTree(jws);
    String sig = flattened.path("signature").asText();
    char c = sig.charAt(10);
    flattened.put("signature", sig.substring(0, 10) + (c == 'A' ? 'B' : 'A') + sig.substring(11));
    Api.Answer a = Api.postEnvelope(Api.mtlsClient(fed.pki(), TH), fed, KH, flattened.toString());
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-2013");
    problemBodies.add(a.raw());
    assertThat(audited(KH, "REJECTION", "FG-2013")).isTrue();
  }

  @Test
  void replayedEnvelope_isRejectedAndAudited_withTheOriginalReceipt() throws Exception {
    HttpClient th = Api.mtlsClient(fed.pki(), TH);
    String jws = sealFromTh(minimisedForKh(), KH).jws();
    Api.Answer first = Api.postEnvelope(th, fed, KH, jws);
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    Api.Answer replay = Api.postEnvelope(th, fed, KH, jws);
    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.body().path("code").asText()).isEqualTo("FG-2015");
    assertThat(replay.body().path("receipt").asText())
        .isEqualTo(first.body().path("receipt").asText());
    assertThat(audited(KH, "REJECTION", "FG-2015")).isTrue();
  }

  @Test
  void sameEnvelopeOnParallelConnections_isCollectedOnce_andNeverRefused() throws Exception {
    // a sender whose request timed out retries while the first attempt is still being received
    // (or two sender replicas deliver one row): the receiver must not sign a rejection for an
    // envelope it is accepting; it answers "retry" (FG-5022) or the one receipt
    HttpClient th = Api.mtlsClient(fed.pki(), TH);
    for (int round = 0; round < 4; round++) {
      var sealed = sealFromTh(minimisedForKh(), KH);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.CompletableFuture<Api.Answer>> posts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        posts.add(
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                    return Api.postEnvelope(th, fed, KH, sealed.jws());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      go.countDown();
      List<Api.Answer> answers = new ArrayList<>();
      for (var p : posts) {
        answers.add(p.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      List<Api.Answer> accepted = answers.stream().filter(a -> a.status() == 200).toList();
      assertThat(accepted).as("answers %s", answers).hasSize(1);
      String receipt = accepted.get(0).body().path("receipt").asText();
      for (Api.Answer a : answers) {
        if (a.status() == 503) {
          assertThat(a.body().path("code").asText()).isEqualTo("FG-5022");
          assertThat(a.body().has("receipt")).isFalse();
        } else if (a.status() == 409) {
          assertThat(a.body().path("code").asText()).isEqualTo("FG-2015");
          assertThat(a.body().path("receipt").asText()).isEqualTo(receipt);
        } else {
          assertThat(a.status()).as(a.raw()).isEqualTo(200);
        }
      }
      assertThat(Api.auditEntries(fed.gateway(KH), "COLLECTION", sealed.messageId())).isEqualTo(1);
    }
  }

  @Test
  void legalBasis_theAgreementDoesNotRestOn_isRefusedBySenderAndReceiver() throws Exception {
    // TH -> ID rests on the ASEAN MLAT, UNTOC and Thai law, not on ACTIP: the whole notification
    // is refused before anything is queued for either partner
    long queued = fed.gateway(TH).context().outbox().depth();
    ObjectNode body = (ObjectNode) Api.parse(notification(List.of(KH, ID), Purpose.INVESTIGATION));
    body.put("legalBasis", "ACTIP-2015:Art.17");
    Api.Answer a = Api.postNotification(fed, TH, "th-officer-1", body.toString());
    assertThat(a.status()).as(a.raw()).isEqualTo(403);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-3016");
    assertThat(fed.gateway(TH).context().outbox().depth()).isEqualTo(queued);
    problemBodies.add(a.raw());

    // a part of a listed instrument is covered (Thai act, section 27)
    body.put("legalBasis", "TH-ATPA-2008:s27");
    Api.Answer ok = Api.postNotification(fed, TH, "th-officer-1", body.toString());
    assertThat(ok.status()).as(ok.raw()).isEqualTo(202);
    List<String> sent = new ArrayList<>();
    ok.body().path("messageIds").forEach(n -> sent.add(n.asText()));
    // both deliveries land before the next test counts what its back ends received
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                khBackend.findAll(postRequestedFor(urlEqualTo("/notifications"))).stream()
                        .anyMatch(r -> sent.contains(r.getHeader("Idempotency-Key")))
                    && fed.soapBackend().received().values().stream()
                        .anyMatch(r -> sent.contains(r.messageId())));

    // a KH officer cannot ask TH under an instrument TH -> KH does not rest on
    ObjectNode req = GatewayContext.JSON.createObjectNode();
    req.put("partner", TH.value());
    req.put("caseReference", DemoScenario.REQUESTED_CASE);
    req.put("purpose", "INVESTIGATION");
    req.put("legalBasis", "UNTOC-2000:Art.18");
    req.put("justification", "AHTJP-2026-0043");
    Api.Answer refused =
        Api.call(
            fed.gateway(KH).agencyApiUrl(),
            "POST",
            "/api/v1/requests",
            token(KH, "kh-officer-7", OfficerRole.OFFICER),
            req.toString());
    assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
    assertThat(refused.body().path("code").asText()).isEqualTo("FG-3016");

    // and a receiver refuses (and holds) a disclosure citing a basis its agreement lacks, even
    // when the sender's gateway let it through
    var sealed = sealFromTh(minimisedFor(ID, "ASEAN-MLAT-2004"), ID, "ACTIP-2015:Art.17");
    Api.Answer received = Api.postEnvelope(Api.mtlsClient(fed.pki(), TH), fed, ID, sealed.jws());
    assertThat(received.status()).as(received.raw()).isEqualTo(403);
    assertThat(received.body().path("code").asText()).isEqualTo("FG-3016");
    assertThat(audited(ID, "QUARANTINE", "FG-3016")).isTrue();
    problemBodies.add(received.raw());
  }

  @Test
  void overSharingEnvelope_isRefusedQuarantinedAndAudited() throws Exception {
    // the full canonical record, not minimised: the minor's name is in it
    var sealed = sealFromTh(canonicalRaid(), KH);
    String jws = sealed.jws();
    Api.Answer a = Api.postEnvelope(Api.mtlsClient(fed.pki(), TH), fed, KH, jws);
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-3013");
    assertThat(a.body().path("receipt").asText()).isNotEmpty();
    problemBodies.add(a.raw());
    assertThat(audited(KH, "QUARANTINE", "FG-3013")).isTrue();

    // held for KH's reviewers: listed with the offending paths only, never values
    String reviewer = token(KH, "kh-reviewer-q", OfficerRole.REVIEWER);
    String base = fed.gateway(KH).agencyApiUrl();
    Api.Answer list = Api.call(base, "GET", "/api/v1/quarantine", reviewer, null);
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    JsonNode held = null;
    for (JsonNode e : list.body()) {
      if (sealed.messageId().equals(e.path("messageId").asText())) {
        held = e;
      }
    }
    assertThat(held).as(list.raw()).isNotNull();
    assertThat(held.path("sender").asText()).isEqualTo(TH.value());
    assertThat(held.path("code").asText()).isEqualTo("FG-3013");
    assertThat(held.path("reason").asText()).contains("/persons/");
    assertThat(held.has("envelope")).isFalse();
    problemBodies.add(list.raw()); // scanned for personal data with the problem bodies

    // the reviewer can fetch the signed envelope itself (the evidence), and that read is audited
    Api.Answer one =
        Api.call(base, "GET", "/api/v1/quarantine/" + sealed.messageId(), reviewer, null);
    assertThat(one.status()).as(one.raw()).isEqualTo(200);
    assertThat(one.body().path("envelope").asText()).isEqualTo(jws);
    assertThat(
            fed.gateway(KH)
                .context()
                .audit()
                .query(
                    new AuditTrail.AuditQuery(
                        null,
                        null,
                        null,
                        "kh-reviewer-q",
                        null,
                        "CONSULTATION",
                        null,
                        sealed.messageId(),
                        null,
                        -1,
                        10))
                .path("entries"))
        .hasSize(1);

    // officers do not see the quarantine; an unknown id is not found
    Api.Answer officer =
        Api.call(
            base,
            "GET",
            "/api/v1/quarantine",
            token(KH, "kh-officer-q", OfficerRole.OFFICER),
            null);
    assertThat(officer.status()).isEqualTo(403);
    assertThat(officer.body().path("code").asText()).isEqualTo("FG-5004");
    Api.Answer missing =
        Api.call(base, "GET", "/api/v1/quarantine/no-such-message", reviewer, null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("code").asText()).isEqualTo("FG-5009");
    // nothing of it reached KH's back end
    assertThat(fed.restBackend(KH).received(sealed.messageId())).isNull();
  }

  @Test
  void envelopeFromAnotherMembersTlsConnection_isRefused() throws Exception {
    // ID's TLS key carrying TH's envelope: the TLS peer is not the sender
    String jws = sealFromTh(minimisedForKh(), KH).jws();
    Api.Answer a = Api.postEnvelope(Api.mtlsClient(fed.pki(), ID), fed, KH, jws);
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-5008");
    assertThat(audited(KH, "REJECTION", "FG-5008")).isTrue();
  }

  @Test
  void nonMemberTlsClient_isRefusedAndAudited() throws Exception {
    String jws = sealFromTh(minimisedForKh(), KH).jws();
    Api.Answer a =
        Api.postEnvelope(
            Api.mtlsClient(fed.pki(), AgencyId.of(DevPki.REVOKED_MEMBER)), fed, KH, jws);
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-5007");
    assertThat(audited(KH, "REJECTION", "FG-5007")).isTrue();

    // a client without any certificate does not get past the TLS handshake
    HttpClient anonymous =
        HttpClient.newBuilder().sslContext(javax.net.ssl.SSLContext.getDefault()).build();
    assertThatThrownBy(() -> Api.postEnvelope(anonymous, fed, KH, jws))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void zz_auditTrails_verify_andBothSidesNameTheSamePayloadDigestsAndAgreementVersions()
      throws Exception {
    AuditLogTrail th = (AuditLogTrail) fed.gateway(TH).context().audit();
    AuditLogTrail kh = (AuditLogTrail) fed.gateway(KH).context().audit();
    JsonNode disclosures =
        th.query(
            new AuditTrail.AuditQuery(
                null, null, KH.value(), null, null, "DISCLOSURE", null, null, null, -1, 1000));
    assertThat(disclosures.path("entries").size()).isPositive();
    for (JsonNode d : disclosures.path("entries")) {
      String messageId = d.path("messageId").asText();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  kh.query(
                              new AuditTrail.AuditQuery(
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  "COLLECTION",
                                  null,
                                  messageId,
                                  null,
                                  -1,
                                  10))
                          .path("entries")
                          .size()
                      == 1);
      JsonNode collected =
          kh.query(
                  new AuditTrail.AuditQuery(
                      null, null, null, null, null, "COLLECTION", null, messageId, null, -1, 10))
              .path("entries")
              .get(0);
      assertThat(collected.path("payloadDigest").asText())
          .isEqualTo(d.path("payloadDigest").asText());
      // both sides name the agreement version exactly as the policy writes it ("2.1", not "2")
      assertThat(d.path("agreement").path("version").asText()).matches("[0-9]+\\.[0-9]+");
      assertThat(collected.path("agreement")).isEqualTo(d.path("agreement"));
    }
    for (AgencyId a : DemoFederation.AGENCIES) {
      AuditLogTrail t = (AuditLogTrail) fed.gateway(a).context().audit();
      t.log().checkpoints().checkpointNow();
      var report = AuditVerifier.verify(t.log().store(), fed.pki().signing(a).certificate());
      assertThat(report.ok()).as(a + " " + report.reason()).isTrue();
    }
  }

  @Test
  void zz_noPersonalData_inLogsMetricsOrProblemDocuments() throws Exception {
    List<String> texts = new ArrayList<>(problemBodies);
    for (ILoggingEvent e : logs.list) {
      texts.add(e.getFormattedMessage());
      texts.add(String.valueOf(e.getMDCPropertyMap()));
      if (e.getThrowableProxy() != null) {
        // exception messages and causes as a log file would show them
        texts.add(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
    for (AgencyId a : DemoFederation.AGENCIES) {
      texts.add(Api.call(fed.gateway(a).agencyApiUrl(), "GET", "/metrics", null, null).raw());
      // every audit entry of every gateway (metadata only by design), quarantine included
      texts.add(
          fed.gateway(a)
              .context()
              .audit()
              .query(
                  new AuditTrail.AuditQuery(
                      null, null, null, null, null, null, null, null, null, -1, 1000))
              .toString());
    }
    assertThat(texts).isNotEmpty();
    for (String t : texts) {
      for (String marker : PERSONAL_MARKERS) {
        assertThat(t).doesNotContain(marker);
      }
    }
  }
}
