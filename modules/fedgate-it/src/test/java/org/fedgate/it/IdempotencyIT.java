package org.fedgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.DemoScenario;
import org.fedgate.gateway.route.step.RetentionSweepStep;
import org.fedgate.gateway.soap.SoapSubmitClient;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency API's {@code Idempotency-Key} (and the SOAP submission's {@code idempotencyKey}): a
 * caller that lost an answer sends the request again and gets the same ids back, with nothing sent
 * twice; a key reused for another request, a malformed key and a key still in use by a concurrent
 * request are refused with their codes; keys are per caller and forgotten after
 * retention.idempotencyKeys; the key never reaches a log or an error body.
 */
class IdempotencyIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;
  static final AgencyId ID = DemoFederation.ID;

  @TempDir static Path dir;
  static DemoFederation fed;
  static ListAppender<ILoggingEvent> logs;

  @BeforeAll
  static void start() throws Exception {
    logs = Api.captureLogs();
    fed = Api.launchWithRequestedCase(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (fed != null) {
      fed.close();
    }
    Api.releaseLogs(logs);
  }

  static GatewayContext th() {
    return fed.gateway(TH).context();
  }

  static Api.Answer notify(String officer, String key, String json) throws Exception {
    return Api.call(
        Api.HTTP,
        fed.gateway(TH).agencyApiUrl(),
        "POST",
        "/api/v1/notifications",
        fed.token(TH, officer, OfficerRole.OFFICER),
        json,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  static String notification(List<AgencyId> to, String justification) throws Exception {
    ObjectNode body = (ObjectNode) Api.parse(FederationIT.notification(to, Purpose.INVESTIGATION));
    body.put("justification", justification);
    return body.toString();
  }

  static List<String> ids(Api.Answer a) {
    List<String> ids = new ArrayList<>();
    a.body().path("messageIds").forEach(n -> ids.add(n.asText()));
    return ids;
  }

  static int outboxRows() {
    return th().outbox().all().size();
  }

  static void assertNeitherLoggedNorQuoted(String key, Api.Answer... answers) {
    for (Api.Answer a : answers) {
      assertThat(a.raw()).doesNotContain(key);
    }
    for (ILoggingEvent e : logs.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(key);
      assertThat(String.valueOf(e.getMDCPropertyMap())).doesNotContain(key);
    }
  }

  @Test
  void sameKeySentAgain_answersWithTheSameIds_andNothingIsSentTwice() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = notification(List.of(KH, ID), "CCIB-500-2569");
    Api.Answer first = notify("th-officer-idem", key, body);
    assertThat(first.status()).as(first.raw()).isEqualTo(202);
    List<String> ids = ids(first);
    assertThat(ids).hasSize(2);
    String conversation = first.body().path("conversationId").asText();

    // the answer was lost: sent again, also in the quoted form of the IETF draft
    Api.Answer again = notify("th-officer-idem", "\"" + key + "\"", body);
    assertThat(again.status()).as(again.raw()).isEqualTo(202);
    assertThat(again.body().path("conversationId").asText()).isEqualTo(conversation);
    assertThat(ids(again)).containsExactlyElementsOf(ids);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                th().outbox().byConversation(conversation).stream()
                    .allMatch(r -> r.state() == Outbox.State.DELIVERED));
    // and once more after delivery: still the same, still one envelope per partner
    Api.Answer later = notify("th-officer-idem", key, body);
    assertThat(ids(later)).containsExactlyElementsOf(ids);
    assertThat(th().outbox().byConversation(conversation))
        .extracting(Outbox.Entry::messageId)
        .containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      assertThat(Api.auditEntries(fed.gateway(TH), "DISCLOSURE", id)).isEqualTo(1);
    }
    assertThat(fed.gateway(KH).context().inbound().find(ids.get(0))).isPresent();
    assertNeitherLoggedNorQuoted(key, first, again, later);
  }

  @Test
  void withoutKey_everyRequestIsNew() throws Exception {
    String body = notification(List.of(KH), "CCIB-501-2569");
    Api.Answer a = notify("th-officer-idem", null, body);
    Api.Answer b = notify("th-officer-idem", null, body);
    assertThat(a.status()).isEqualTo(202);
    assertThat(b.status()).isEqualTo(202);
    assertThat(ids(a)).doesNotContainAnyElementsOf(ids(b));
  }

  @Test
  void keysArePerCaller() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = notification(List.of(KH), "CCIB-502-2569");
    Api.Answer one = notify("th-officer-a", key, body);
    Api.Answer other = notify("th-officer-b", key, body);
    assertThat(one.status()).isEqualTo(202);
    assertThat(other.status()).isEqualTo(202);
    assertThat(other.body().path("conversationId").asText())
        .isNotEqualTo(one.body().path("conversationId").asText());
  }

  @Test
  void sameKeyWithAnotherRequest_isRefused_FG5023_andCreatesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    Api.Answer first = notify("th-officer-idem", key, notification(List.of(KH), "CCIB-503-2569"));
    assertThat(first.status()).isEqualTo(202);
    int before = outboxRows();
    List<Api.Answer> refused = new ArrayList<>();
    // another justification, other partners, the same partner list in another form
    for (String other :
        List.of(
            notification(List.of(KH), "CCIB-504-2569"),
            notification(List.of(KH, ID), "CCIB-503-2569"))) {
      Api.Answer a = notify("th-officer-idem", key, other);
      assertThat(a.status()).as(a.raw()).isEqualTo(422);
      assertThat(a.body().path("code").asText()).isEqualTo("FG-5023");
      refused.add(a);
    }
    assertThat(outboxRows()).isEqualTo(before);
    assertNeitherLoggedNorQuoted(key, refused.toArray(Api.Answer[]::new));
  }

  @Test
  void malformedKey_isRefused_FG5002_andCreatesNothing() throws Exception {
    int before = outboxRows();
    String body = notification(List.of(KH), "CCIB-505-2569");
    for (String bad :
        List.of("two words", "x".repeat(129), "-starts-with-dash", "\"\"", "k\u00e4y-1")) {
      Api.Answer a = notify("th-officer-idem", bad, body);
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.body().path("code").asText()).isEqualTo("FG-5002");
      assertThat(a.raw()).doesNotContain(bad);
    }
    assertThat(outboxRows()).isEqualTo(before);
  }

  @Test
  void retryAfterAnInterruptedFirstAttempt_sendsOnlyToThePartnersNotReached() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = notification(List.of(KH, ID), "CCIB-506-2569");
    Api.Answer first = notify("th-officer-idem", key, body);
    assertThat(first.status()).isEqualTo(202);
    List<String> ids = ids(first);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                th().outbox().byConversation(first.body().path("conversationId").asText()).stream()
                    .allMatch(r -> r.state() == Outbox.State.DELIVERED));
    // as if the first attempt had stopped after KH-AHTJP's envelope: ID-BARESKRIM's is not there
    th().store()
        .inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "DELETE FROM fg_submission WHERE idempotency_key = ? AND partner = ?")) {
                ps.setString(1, key);
                ps.setString(2, ID.value());
                assertThat(ps.executeUpdate()).isEqualTo(1);
              }
              try (PreparedStatement ps =
                  c.prepareStatement("DELETE FROM fg_outbox WHERE message_id = ?")) {
                ps.setString(1, ids.get(1));
                assertThat(ps.executeUpdate()).isEqualTo(1);
              }
              return null;
            });
    Api.Answer retry = notify("th-officer-idem", key, body);
    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    List<String> retried = ids(retry);
    assertThat(retried.get(0)).isEqualTo(ids.get(0));
    assertThat(retried.get(1)).isNotEqualTo(ids.get(1));
    assertThat(retry.body().path("conversationId").asText())
        .isEqualTo(first.body().path("conversationId").asText());
    assertThat(th().outbox().byConversation(first.body().path("conversationId").asText()))
        .extracting(Outbox.Entry::partner, Outbox.Entry::messageId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(KH.value(), ids.get(0)),
            org.assertj.core.groups.Tuple.tuple(ID.value(), retried.get(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fed.gateway(ID)
                    .context()
                    .inbound()
                    .find(retried.get(1))
                    .map(e -> e.state() == InboundQueue.State.DELIVERED)
                    .orElse(false));
    // KH-AHTJP's envelope was not sent a second time
    assertThat(Api.auditEntries(fed.gateway(TH), "DISCLOSURE", ids.get(0))).isEqualTo(1);
  }

  @Test
  void requestWithTheSameKeyStillBeingProcessed_isToldToRetry_FG5024() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = notification(List.of(KH), "CCIB-507-2569");
    int before = outboxRows();
    Api.Answer a =
        raceWithHeldKey(
            th(),
            "th-officer-idem",
            key,
            KH,
            () -> notify("th-officer-idem", key, body),
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                + " AND EXECUTING_STATEMENT LIKE 'INSERT INTO fg_submission%'");
    assertThat(a.status()).as(a.raw()).isEqualTo(409);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-5024");
    assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
    assertNeitherLoggedNorQuoted(key, a);
    // the racing request's envelope was rolled back with its row: nothing queued
    assertThat(outboxRows()).isEqualTo(before);
  }

  /**
   * Sends {@code request} while another request of {@code caller} with {@code key} for {@code
   * partner} is between its check and its commit: a transaction of this test stands in for it, with
   * the key's row written but not committed, and commits once {@code blockedQuery} (run on that
   * transaction's connection) counts the request's own insert of the key waiting for it.
   */
  static Api.Answer raceWithHeldKey(
      GatewayContext gateway,
      String caller,
      String key,
      AgencyId partner,
      java.util.concurrent.Callable<Api.Answer> request,
      String blockedQuery)
      throws Exception {
    try (Connection held = gateway.store().dataSource().getConnection()) {
      held.setAutoCommit(false);
      gateway
          .submissions()
          .insert(
              held,
              caller,
              key,
              partner.value(),
              "0".repeat(64),
              "conversation-in-flight",
              "message-in-flight",
              java.time.Instant.now());
      CompletableFuture<Api.Answer> racing =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return request.call();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> racing.isDone() || count(held, blockedQuery) > 0);
      held.commit();
      return racing.get();
    }
  }

  static int count(Connection c, String query) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static Api.Answer requestWithKey(String url, String token, String body, String key)
      throws Exception {
    return Api.call(
        Api.HTTP, url, "POST", "/api/v1/requests", token, body, Map.of("Idempotency-Key", key));
  }

  @Test
  void recordRequest_sameKey_answersTheSameRequest_andAnotherRequestIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    String officer = fed.token(KH, "kh-officer-idem", OfficerRole.OFFICER);
    ObjectNode req = GatewayContext.JSON.createObjectNode();
    req.put("partner", TH.value());
    req.put("caseReference", DemoScenario.REQUESTED_CASE);
    req.put("purpose", "INVESTIGATION");
    req.put("legalBasis", "ACTIP-2015:Art.16");
    req.put("justification", "AHTJP-2026-0500");
    String url = fed.gateway(KH).agencyApiUrl();
    Api.Answer first = requestWithKey(url, officer, req.toString(), key);
    assertThat(first.status()).as(first.raw()).isEqualTo(202);
    String id = first.body().path("requestId").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "ANSWERED".equals(Api.requestState(fed, officer, id)));
    Api.Answer again = requestWithKey(url, officer, req.toString(), key);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().path("requestId").asText()).isEqualTo(id);
    assertThat(again.body().path("state").asText()).isEqualTo("ANSWERED");
    JsonNode mine = Api.call(url, "GET", "/api/v1/requests", officer, null).body();
    assertThat(mine).hasSize(1);

    req.put("justification", "AHTJP-2026-0501");
    Api.Answer other = requestWithKey(url, officer, req.toString(), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.body().path("code").asText()).isEqualTo("FG-5023");
    assertThat(Api.call(url, "GET", "/api/v1/requests", officer, null).body()).hasSize(1);
    assertNeitherLoggedNorQuoted(key, first, again, other);
  }

  @Test
  void soapSubmission_sameIdempotencyKey_answersTheSameIds_andABadKeyIsAFault() throws Exception {
    String key = UUID.randomUUID().toString();
    SoapSubmitClient client =
        new SoapSubmitClient(
            fed.gateway(ID).agencyApiUrl() + "/soap/notifications",
            DemoFederation.SOAP_USER,
            DemoFederation.SOAP_PASSWORD.toCharArray());
    byte[] xml =
        DemoFederation.resource("schemas/national/id/samples/id-01-tppo-scam-compound.xml");
    List<String> first =
        client.submit(
            List.of(TH), "INVESTIGATION", "UNTOC-2000:Art.18", "BARESKRIM-LP-2026-500", xml, key);
    List<String> again =
        client.submit(
            List.of(TH), "INVESTIGATION", "UNTOC-2000:Art.18", "BARESKRIM-LP-2026-500", xml, key);
    assertThat(first).hasSize(1);
    assertThat(again).isEqualTo(first);
    GatewayContext id = fed.gateway(ID).context();
    String conversation = id.outbox().find(first.get(0)).orElseThrow().conversationId();
    assertThat(id.outbox().byConversation(conversation)).hasSize(1);

    assertThatThrownBy(
            () ->
                client.submit(
                    List.of(TH),
                    "INVESTIGATION",
                    "UNTOC-2000:Art.18",
                    "BARESKRIM-LP-2026-501",
                    xml,
                    key))
        .isInstanceOf(jakarta.xml.ws.soap.SOAPFaultException.class)
        .hasMessageStartingWith("FG-5023");
    assertThatThrownBy(
            () ->
                client.submit(
                    List.of(TH),
                    "INVESTIGATION",
                    "UNTOC-2000:Art.18",
                    "BARESKRIM-LP-2026-502",
                    xml,
                    "no spaces allowed"))
        .isInstanceOf(jakarta.xml.ws.soap.SOAPFaultException.class)
        .hasMessageStartingWith("FG-5002");
    // no partner named: refused as without a key, nothing accepted
    assertThatThrownBy(
            () ->
                client.submit(
                    List.of(),
                    "INVESTIGATION",
                    "UNTOC-2000:Art.18",
                    "BARESKRIM-LP-2026-503",
                    xml,
                    UUID.randomUUID().toString()))
        .isInstanceOf(jakarta.xml.ws.soap.SOAPFaultException.class)
        .hasMessageStartingWith("FG-5002");
    assertNeitherLoggedNorQuoted(key);
    assertNeitherLoggedNorQuoted("no spaces allowed");
  }

  @Test
  void keysAreForgottenAfterTheirRetention_thenTheKeyStartsANewRequest() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = notification(List.of(KH), "CCIB-508-2569");
    Api.Answer first = notify("th-officer-idem", key, body);
    assertThat(first.status()).isEqualTo(202);
    // a day and a minute old (retention.idempotencyKeys defaults to P1D)
    th().store()
        .inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE fg_submission SET created_at = created_at - ?"
                          + " WHERE idempotency_key = ?")) {
                ps.setLong(1, Duration.ofDays(1).plusMinutes(1).toMillis());
                ps.setString(2, key);
                return ps.executeUpdate();
              }
            });
    new RetentionSweepStep(th()).sweep();
    assertThat(th().submissions().find("th-officer-idem", key)).isEmpty();
    Api.Answer later = notify("th-officer-idem", key, body);
    assertThat(later.status()).isEqualTo(202);
    assertThat(later.body().path("conversationId").asText())
        .isNotEqualTo(first.body().path("conversationId").asText());
  }
}
