package org.fedgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.module.AuditLogTrail;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.route.step.RetentionSweepStep;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.Quarantine;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention: KH-AHTJP erases what TH-CCIB sent it once the TH-CCIB -> KH-AHTJP agreement's period
 * (P5Y) has run, each erasure with its ERASURE audit entry, and keeps what is younger, and what
 * comes from a partner without any agreement. Ages are set by moving rows' dates back in the
 * database.
 */
class RetentionIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;

  @TempDir static Path dir;
  static DemoFederation fed;

  @BeforeAll
  static void start() throws Exception {
    fed = Api.launchWithRequestedCase(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (fed != null) {
      fed.close();
    }
  }

  static GatewayContext kh() {
    return fed.gateway(KH).context();
  }

  static GatewayContext th() {
    return fed.gateway(TH).context();
  }

  static String notifyKh() throws Exception {
    Api.Answer a =
        Api.postNotification(
            fed,
            TH,
            "th-officer-ret",
            FederationIT.notification(List.of(KH), Purpose.INVESTIGATION));
    assertThat(a.status()).as(a.raw()).isEqualTo(202);
    String id = a.body().path("messageIds").get(0).asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                kh().inbound()
                    .find(id)
                    .map(e -> e.state() == InboundQueue.State.DELIVERED)
                    .orElse(false));
    return id;
  }

  static String requestFromTh(String officer) throws Exception {
    String id =
        Api.postRecordRequest(
            fed, officer, "INVESTIGATION", "ACTIP-2015:Art.16", "AHTJP-2026-0099");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "ANSWERED".equals(Api.requestState(fed, officer, id)));
    return id;
  }

  static JsonNode request(String officer, String id) throws Exception {
    return Api.call(fed.gateway(KH).agencyApiUrl(), "GET", "/api/v1/requests/" + id, officer, null)
        .body();
  }

  /** Moves an inbound row's arrival back (see {@link #age}). */
  static final String AGE_INBOUND =
      "UPDATE fg_inbound SET received_at = received_at - ? WHERE message_id = ?";

  /** Delivered records from {@code sender} in KH's inbound table, as if received just now. */
  static void receivedAtKh(String sender, String payloadSha256, List<String> ids) {
    kh().store()
        .inTransaction(
            c -> {
              for (String id : ids) {
                kh().inbound()
                    .insert(
                        c,
                        new InboundQueue.Entry(
                            id,
                            id,
                            sender,
                            "CASE_NOTIFICATION",
                            "INVESTIGATION",
                            payloadSha256,
                            Instant.now(),
                            Instant.now().plusSeconds(60),
                            "application/json",
                            "{\"fictional\":true}",
                            "receipt",
                            InboundQueue.State.DELIVERED,
                            0,
                            null,
                            null));
              }
              return null;
            });
  }

  /** Moves a row's dates back by {@code years}, as if it had arrived that long ago. */
  static void age(String sql, String id, int years) {
    long by =
        Duration.between(
                Instant.now().atOffset(ZoneOffset.UTC).minusYears(years).toInstant(), Instant.now())
            .toMillis();
    age(kh(), sql, id, by);
  }

  static void age(GatewayContext gateway, String sql, String id, long by) {
    gateway
        .store()
        .inTransaction(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, by);
                ps.setString(2, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
              }
              return null;
            });
  }

  /** A payload digest as the gateway stores it (base64url SHA-256). */
  static String digest(String text) {
    try {
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode erasureEntries(GatewayContext gateway, String messageId) {
    return gateway
        .audit()
        .query(
            new AuditTrail.AuditQuery(
                null, null, null, null, null, "ERASURE", null, messageId, null, -1, 10))
        .path("entries");
  }

  /** The retention sweep's counter of one gateway (0 before its first count). */
  static double erasureCount(GatewayContext gateway, String kind, String outcome) {
    var c =
        gateway
            .metrics()
            .registry()
            .find("fedgate.retention.erasures")
            .tag("kind", kind)
            .tag("outcome", outcome)
            .counter();
    return c == null ? 0 : c.count();
  }

  static int erasures(String messageId) {
    JsonNode entries =
        kh().audit()
            .query(
                new AuditTrail.AuditQuery(
                    null, null, null, null, null, "ERASURE", null, messageId, null, -1, 10))
            .path("entries");
    for (JsonNode e : entries) {
      assertThat(e.path("counterpart").asText()).isEqualTo(TH.value());
      assertThat(e.path("agreement").path("id").asText()).isEqualTo("TH-CCIB.KH-AHTJP");
      assertThat(e.path("justificationRef").asText()).isEqualTo("retention-P5Y");
    }
    return entries.size();
  }

  @Test
  void sweep_erasesWhatOutlivedItsAgreementsRetention_auditsEachErasure_andKeepsTheRest()
      throws Exception {
    String officer = fed.token(KH, "kh-officer-ret", OfficerRole.OFFICER);
    String old = notifyKh();
    String recent = notifyKh();
    String requestId = requestFromTh(officer);
    String requestMessage = kh().requests().find(requestId).orElseThrow().messageId();
    // an over-sharing envelope TH sent long ago, held for review
    String quarantined = "0190f000-0000-7000-8000-00000000a001";
    kh().store()
        .inTransaction(
            c ->
                kh().quarantine()
                    .insert(
                        c,
                        new Quarantine.Entry(
                            quarantined,
                            quarantined,
                            TH.value(),
                            "INVESTIGATION",
                            "TH-CCIB.KH-AHTJP",
                            "2.1",
                            "FG-3010",
                            "over-sharing at /persons/*/names",
                            digest("quarantined fixture"),
                            Instant.now(),
                            "header.payload.signature")));
    // a record from an agency no agreement covers: how long it may be kept is unknown
    String stray = "0190f000-0000-7000-8000-00000000b002";
    receivedAtKh("MY-PDRM", digest("stray fixture"), List.of(stray));

    // nothing is old enough yet
    assertThat(new RetentionSweepStep(kh()).sweep()).isZero();
    assertThat(kh().inbound().find(old).orElseThrow().body()).isNotNull();

    age(AGE_INBOUND, old, 6);
    age(AGE_INBOUND, recent, 4);
    age(AGE_INBOUND, stray, 30);
    age("UPDATE fg_request SET updated_at = updated_at - ? WHERE request_id = ?", requestId, 6);
    age(
        "UPDATE fg_quarantine SET received_at = received_at - ? WHERE message_id = ?",
        quarantined,
        6);

    int erased = new RetentionSweepStep(kh()).sweep();
    // the old notification, the request's answer (and its stored response row), the quarantined
    // envelope
    assertThat(erased).isGreaterThanOrEqualTo(3);

    InboundQueue.Entry gone = kh().inbound().find(old).orElseThrow();
    assertThat(gone.body()).isNull();
    assertThat(gone.erasedAt()).isNotNull();
    assertThat(gone.payloadSha256()).isNotBlank(); // metadata stays
    assertThat(erasures(old)).isEqualTo(1);

    assertThat(kh().inbound().find(recent).orElseThrow().body()).isNotNull();
    assertThat(erasures(recent)).isZero();
    assertThat(kh().inbound().find(stray).orElseThrow().body()).isNotNull();

    JsonNode answer = request(officer, requestId);
    assertThat(answer.path("found").asBoolean()).isTrue();
    assertThat(answer.has("erasedAt")).isTrue();
    assertThat(answer.has("record")).isFalse();
    assertThat(erasures(requestMessage)).isGreaterThanOrEqualTo(1);

    assertThat(kh().quarantine().find(quarantined)).isEmpty();
    assertThat(erasures(quarantined)).isEqualTo(1);

    // the officer's inbox shows the erasure instead of the record
    JsonNode inbox =
        Api.call(fed.gateway(KH).agencyApiUrl(), "GET", "/api/v1/inbox?limit=500", officer, null)
            .body();
    List<String> erasedInInbox = new ArrayList<>();
    for (JsonNode n : inbox) {
      if (n.has("erasedAt")) {
        assertThat(n.has("record")).isFalse();
        erasedInInbox.add(n.path("messageId").asText());
      }
    }
    // (the other tests of this class erase records of their own in the same gateway)
    assertThat(erasedInInbox).contains(old).doesNotContain(recent);

    // a second sweep finds nothing more and writes no second entry
    assertThat(new RetentionSweepStep(kh()).sweep()).isZero();
    assertThat(erasures(old)).isEqualTo(1);

    AuditLogTrail t = (AuditLogTrail) kh().audit();
    t.log().checkpoints().checkpointNow();
    var report = AuditVerifier.verify(t.log().store(), fed.pki().signing(KH).certificate());
    assertThat(report.ok()).as(report.reason()).isTrue();
  }

  @Test
  void sweep_erasesSentEnvelopesAfterTheGatewaysOwnRetention_keepsPendingAndRecentOnes()
      throws Exception {
    String old = notifyKh();
    String recent = notifyKh();
    for (String id : List.of(old, recent)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> th().outbox().find(id).orElseThrow().state() == Outbox.State.DELIVERED);
    }
    // a row still waiting for delivery (another instance holds it) is never erased, however old
    String pending = "0190f000-0000-7000-8000-00000000c003";
    th().store()
        .inTransaction(
            c -> {
              th().outbox()
                  .insert(
                      c,
                      new Outbox.Entry(
                          pending,
                          pending,
                          KH.value(),
                          "CASE_NOTIFICATION",
                          "INVESTIGATION",
                          "header.payload.signature",
                          digest("pending fixture"),
                          Instant.now(),
                          Instant.now().plusSeconds(3600),
                          Outbox.State.PENDING,
                          0,
                          null,
                          null));
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE fg_outbox SET claimed_by = 'elsewhere', claimed_until = ?"
                          + " WHERE message_id = ?")) {
                ps.setLong(1, Long.MAX_VALUE);
                ps.setString(2, pending);
                ps.executeUpdate();
              }
              return null;
            });

    String outbox = "UPDATE fg_outbox SET created_at = created_at - ? WHERE message_id = ?";
    // the default retention.sentEnvelopes is 30 days
    age(th(), outbox, old, Duration.ofDays(31).toMillis());
    age(th(), outbox, recent, Duration.ofDays(29).toMillis());
    age(th(), outbox, pending, Duration.ofDays(60).toMillis());

    double sentBefore = erasureCount(th(), "sent", "erased");
    assertThat(new RetentionSweepStep(th()).sweep()).isEqualTo(1);
    assertThat(erasureCount(th(), "sent", "erased") - sentBefore).isEqualTo(1);

    Outbox.Entry gone = th().outbox().find(old).orElseThrow();
    assertThat(gone.envelope()).isNull();
    assertThat(gone.erasedAt()).isNotNull();
    assertThat(gone.state()).isEqualTo(Outbox.State.DELIVERED);
    assertThat(gone.payloadSha256()).isNotBlank();
    JsonNode entries = erasureEntries(th(), old);
    assertThat(entries).hasSize(1);
    JsonNode e = entries.get(0);
    assertThat(e.path("counterpart").asText()).isEqualTo(KH.value());
    assertThat(e.path("justificationRef").asText()).isEqualTo("sent-retention-P30D");
    JsonNode disclosed =
        th().audit()
            .query(
                new AuditTrail.AuditQuery(
                    null, null, null, null, null, "DISCLOSURE", null, old, null, -1, 10))
            .path("entries")
            .get(0);
    // the entry names the payload the disclosure named: what went can still be matched to it
    assertThat(e.path("payloadDigest").asText())
        .isNotBlank()
        .isEqualTo(disclosed.path("payloadDigest").asText());

    assertThat(th().outbox().find(recent).orElseThrow().envelope()).isNotNull();
    assertThat(erasureEntries(th(), recent)).isEmpty();
    assertThat(th().outbox().find(pending).orElseThrow().envelope()).isNotNull();
    assertThat(erasureEntries(th(), pending)).isEmpty();
    // the receiver keeps what it received under the agreement (P5Y): untouched by the sender
    assertThat(kh().inbound().find(old).orElseThrow().body()).isNotNull();

    // the officer's status view says the envelope went; the delivery state stays
    String conversation = gone.conversationId();
    JsonNode status =
        Api.call(
                fed.gateway(TH).agencyApiUrl(),
                "GET",
                "/api/v1/notifications/" + conversation,
                fed.token(TH, "th-officer-ret", OfficerRole.OFFICER),
                null)
            .body();
    JsonNode delivery = status.path("deliveries").get(0);
    assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED");
    assertThat(delivery.path("erasedAt").asText()).isNotBlank();

    // a second sweep erases nothing more and writes no second entry
    assertThat(new RetentionSweepStep(th()).sweep()).isZero();
    assertThat(erasureEntries(th(), old)).hasSize(1);

    AuditLogTrail t = (AuditLogTrail) th().audit();
    t.log().checkpoints().checkpointNow();
    var report = AuditVerifier.verify(t.log().store(), fed.pki().signing(TH).certificate());
    assertThat(report.ok()).as(report.reason()).isTrue();
  }

  @Test
  void sweep_recordsThatCannotBeErased_failAlone_andDoNotHideTheRest() throws Exception {
    String good = notifyKh();
    // more rows than a batch whose digest the audit entry refuses (three bytes, not a SHA-256):
    // their erasure fails, and they are older than the good one, so the store lists them first
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      bad.add(String.format("0190f000-0000-7000-8000-0000000d%04d", i));
    }
    receivedAtKh(TH.value(), "AAAA", bad);
    age(AGE_INBOUND, good, 6);
    for (String id : bad) {
      age(AGE_INBOUND, id, 7);
    }

    double failedBefore = erasureCount(kh(), "received", "failed");
    double erasedBefore = erasureCount(kh(), "received", "erased");
    assertThat(new RetentionSweepStep(kh()).sweep()).isEqualTo(1);
    // one failure counted per record and sweep, however often the record was tried
    assertThat(erasureCount(kh(), "received", "failed") - failedBefore).isEqualTo(201);
    assertThat(erasureCount(kh(), "received", "erased") - erasedBefore).isEqualTo(1);
    assertThat(kh().inbound().find(good).orElseThrow().body()).isNull();
    assertThat(erasures(good)).isEqualTo(1);
    for (String id : List.of(bad.get(0), bad.get(200))) {
      InboundQueue.Entry kept = kh().inbound().find(id).orElseThrow();
      assertThat(kept.body()).isNotNull();
      assertThat(kept.erasedAt()).isNull();
      assertThat(erasures(id)).isZero();
    }
    // they are tried again at every sweep, and keep failing alone
    assertThat(new RetentionSweepStep(kh()).sweep()).isZero();
    assertThat(kh().inbound().find(bad.get(0)).orElseThrow().body()).isNotNull();
  }
}
