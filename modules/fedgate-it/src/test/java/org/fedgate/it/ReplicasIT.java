package org.fedgate.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.gateway.Gateway;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.DemoScenario;
import org.fedgate.gateway.module.AuditLogTrail;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of TH-CCIB's gateway share one PostgreSQL database (the production mode's replicas
 * behind the agency's load balancer): officers post to both, one is killed with SIGKILL under load,
 * and the other delivers everything either accepted, each notification reaching KH-AHTJP's back end
 * once, with one DISCLOSURE and one DELIVERY entry in the one audit trail that both wrote, which
 * verifies. What the killed instance had claimed is taken over once its claims run out ({@code
 * delivery.claimLease}). KH-AHTJP's record requests, which both instances see, are each answered
 * once. On the receiving side, an envelope reaching two KH-AHTJP instances at once is collected,
 * audited and delivered to the back end once, and the sender holds one receipt; an envelope whose
 * first attempt is still being received is answered "retry" (FG-5022) on another connection.
 */
class ReplicasIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;

  @TempDir static Path dir;
  static EmbeddedPostgres pg;
  static WireMockServer backend;
  static DemoFederation fed;
  static Process replicaA;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE th_ccib");
      s.execute("CREATE DATABASE kh_ahtjp");
    }
    backend = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    backend.start();
    backend.stubFor(post(urlEqualTo("/notifications")).willReturn(aResponse().withStatus(201)));
    fed =
        DemoFederation.prepare(
            dir, Map.of(KH, "http://127.0.0.1:" + backend.port() + "/"), Duration.ofSeconds(1));
    fed.useStore(TH, pg.getJdbcUrl("postgres", "th_ccib"), null);
    fed.useStore(KH, pg.getJdbcUrl("postgres", "kh_ahtjp"), null);
    // a short claim, so that the test need not wait a minute for the killed instance's rows
    Path th = fed.member(TH).config();
    String yaml = Files.readString(th);
    assertThat(yaml).contains("delivery:\n  workers: 32\n");
    Files.writeString(
        th,
        yaml.replace(
            "delivery:\n  workers: 32\n", "delivery:\n  workers: 32\n  claimLease: PT12S\n"));
    fed.startMockBackends(); // TH's back end answers KH's record requests (to either replica)
    fed.restBackend(TH)
        .addCase(
            DemoScenario.REQUESTED_CASE, DemoFederation.resource(DemoScenario.REQUESTED_SAMPLE));
    fed.startGateway(KH);
  }

  @AfterAll
  static void stop() throws Exception {
    if (replicaA != null) {
      replicaA.destroyForcibly();
    }
    if (fed != null) {
      fed.close();
    }
    if (backend != null) {
      backend.stop();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void twoReplicasOnOneStore_oneKilledUnderLoad_theOtherDeliversAll_onceEach() throws Exception {
    replicaA = Api.serve(fed.member(TH).config(), fed.member(TH).agencyPort(), dir, "th-a.log");
    Gateway replicaB = fed.startReplica(fed.replicaConfig(TH, "b"));
    String urlA = "http://127.0.0.1:" + fed.member(TH).agencyPort();
    String urlB = replicaB.agencyApiUrl();
    assertThat(urlB).isNotEqualTo(urlA);

    String token = fed.token(TH, "th-officer-replicas", OfficerRole.OFFICER);
    String body = FederationIT.notification(List.of(KH), Purpose.INVESTIGATION);
    Set<String> viaA = ConcurrentHashMap.newKeySet();
    Set<String> viaB = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String url = i % 2 == 0 ? urlA : urlB;
      Set<String> accepted = i % 2 == 0 ? viaA : viaB;
      Thread t =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    Api.Answer a = Api.call(url, "POST", "/api/v1/notifications", token, body);
                    if (a.status() == 202) {
                      a.body().path("messageIds").forEach(n -> accepted.add(n.asText()));
                    }
                  } catch (Exception e) {
                    // replica A is down: its clients stop (a load balancer would fail over)
                    return;
                  }
                }
              });
      t.start();
      clients.add(t);
    }
    // KH's officer asks TH for records meanwhile: both replicas poll the partner requests
    List<String> requests = new ArrayList<>();
    String khOfficer = fed.token(KH, "kh-officer-replicas", OfficerRole.OFFICER);
    for (int i = 0; i < 6; i++) {
      requests.add(
          Api.postRecordRequest(
              fed, khOfficer, "VICTIM_IDENTIFICATION", "ACTIP-2015:Art.16", "AHTJP-2026-0042"));
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> viaA.size() >= 30 && viaB.size() >= 30);
    replicaA.destroyForcibly().waitFor(); // SIGKILL: A's in-flight deliveries die with it
    int bBefore = viaB.size();
    await().atMost(Duration.ofSeconds(60)).until(() -> viaB.size() >= bBefore + 20);
    running.set(false);
    for (Thread t : clients) {
      t.join(30_000);
    }

    Set<String> accepted = new java.util.HashSet<>(viaA);
    accepted.addAll(viaB);
    // what A accepted and had not delivered when it died is B's to deliver: nobody restarts A
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> deliveredToBackend().keySet().containsAll(accepted));
    assertThat(deliveredToBackend().values()).as("back-end records per id").allMatch(n -> n == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(outboxStates(accepted)).isEqualTo(allDelivered(accepted)));
    Map<String, Integer> disclosures = auditEntries("DISCLOSURE");
    Map<String, Integer> deliveries = auditEntries("DELIVERY");
    for (String id : accepted) {
      assertThat(disclosures.get(id)).as("DISCLOSURE entries of " + id).isEqualTo(1);
      assertThat(deliveries.get(id)).as("DELIVERY entries of " + id).isEqualTo(1);
    }

    // each partner request answered once, though two instances polled them
    for (String request : requests) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "ANSWERED".equals(Api.requestState(fed, khOfficer, request)));
    }
    assertThat(countRows("SELECT COUNT(*) FROM fg_outbox WHERE message_type = 'RECORD_RESPONSE'"))
        .isEqualTo(requests.size());
    assertThat(countRows("SELECT COUNT(*) FROM audit_entry WHERE operation = 'RESPONSE'"))
        .isEqualTo(requests.size());

    assertTrailVerifies(replicaB, TH);

    // the receiving side: a second KH-AHTJP instance on KH's database, and envelopes that reach
    // both instances at the same moment (a sender retry routed by a load balancer to the other)
    Gateway khB = fed.startReplica(fed.replicaConfig(KH, "b"));
    var thClient = Api.mtlsClient(fed.pki(), TH);
    for (int round = 0; round < 4; round++) {
      var sealed =
          FederationIT.seal(
              replicaB,
              FederationIT.minimised(replicaB, KH, "ASEAN-MLAT-2004"),
              KH,
              "ASEAN-MLAT-2004");
      List<java.util.concurrent.CompletableFuture<Api.Answer>> posts = new ArrayList<>();
      for (String url : List.of(fed.gateway(KH).federationApiUrl(), khB.federationApiUrl())) {
        posts.add(postAsync(thClient, url, sealed.jws()));
      }
      List<Api.Answer> answers = new ArrayList<>();
      for (var p : posts) {
        answers.add(p.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      List<String> receipts =
          answers.stream()
              .filter(a -> a.status() / 100 != 5)
              .map(a -> a.body().path("receipt").asText())
              .distinct()
              .toList();
      // one ACCEPTED receipt (the other instance answers it again, or says retry without one)
      assertThat(receipts).as("answers %s", answers).hasSize(1);
      assertThat(answers).anyMatch(a -> a.status() == 200);
      for (Api.Answer a : answers) {
        if (a.status() / 100 == 5) {
          assertThat(a.body().has("receipt")).as(a.raw()).isFalse();
        }
      }
      String id = sealed.messageId();
      assertThat(
              countRows(
                  "kh_ahtjp",
                  "SELECT COUNT(*) FROM audit_entry WHERE operation"
                      + " = 'COLLECTION' AND message_id = '"
                      + id
                      + "'"))
          .isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> deliveredToBackend().getOrDefault(id, 0) == 1);
    }
    assertTrailVerifies(khB, KH);

    // deterministic: the first attempt is held inside its collecting transaction (the test holds
    // KH's audit head row), and the same envelope on another connection is told to retry
    var held =
        FederationIT.seal(
            replicaB,
            FederationIT.minimised(replicaB, KH, "ASEAN-MLAT-2004"),
            KH,
            "ASEAN-MLAT-2004");
    String khA = fed.gateway(KH).federationApiUrl();
    java.util.concurrent.CompletableFuture<Api.Answer> first;
    try (Connection lock = pg.getDatabase("postgres", "kh_ahtjp").getConnection()) {
      lock.setAutoCommit(false);
      try (Statement st = lock.createStatement()) {
        st.execute("SELECT tree_size FROM audit_log_head WHERE id = 1 FOR UPDATE");
      }
      first = postAsync(thClient, khA, held.jws());
      await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock("kh_ahtjp"));
      Api.Answer retry = Api.postEnvelope(thClient, khA, held.jws());
      assertThat(retry.status()).as(retry.raw()).isEqualTo(503);
      assertThat(retry.body().path("code").asText()).isEqualTo("FG-5022");
      assertThat(retry.body().has("receipt")).isFalse();
      lock.rollback();
    }
    Api.Answer firstAnswer = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(firstAnswer.status()).as(firstAnswer.raw()).isEqualTo(200);
    Api.Answer again = Api.postEnvelope(thClient, khA, held.jws());
    assertThat(again.body().path("receipt").asText())
        .isEqualTo(firstAnswer.body().path("receipt").asText());

    // deterministic: the same envelope reaches both instances while the first is held inside its
    // collecting transaction (its inbound row written, the audit head held by the test); the
    // second waits on that row and, once it commits, answers as for any envelope received before
    // (FG-2015 with the same receipt), not as a failed audit write (FG-4003)
    var twice =
        FederationIT.seal(
            replicaB,
            FederationIT.minimised(replicaB, KH, "ASEAN-MLAT-2004"),
            KH,
            "ASEAN-MLAT-2004");
    java.util.concurrent.CompletableFuture<Api.Answer> atA;
    java.util.concurrent.CompletableFuture<Api.Answer> atB;
    try (Connection lock = pg.getDatabase("postgres", "kh_ahtjp").getConnection()) {
      lock.setAutoCommit(false);
      try (Statement st = lock.createStatement()) {
        st.execute("SELECT tree_size FROM audit_log_head WHERE id = 1 FOR UPDATE");
      }
      atA = postAsync(thClient, khA, twice.jws());
      await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingOnALock("kh_ahtjp") >= 1);
      atB = postAsync(thClient, khB.federationApiUrl(), twice.jws());
      await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingOnALock("kh_ahtjp") >= 2);
      lock.rollback();
    }
    Api.Answer fromA = atA.get(60, java.util.concurrent.TimeUnit.SECONDS);
    Api.Answer fromB = atB.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(fromA.status()).as(fromA.raw()).isEqualTo(200);
    assertThat(fromB.status()).as(fromB.raw()).isEqualTo(409);
    assertThat(fromB.body().path("code").asText()).isEqualTo("FG-2015");
    assertThat(fromB.body().path("receipt").asText())
        .isEqualTo(fromA.body().path("receipt").asText());
    String twiceId = twice.messageId();
    assertThat(
            countRows(
                "kh_ahtjp",
                "SELECT COUNT(*) FROM audit_entry WHERE operation = 'COLLECTION'"
                    + " AND message_id = '"
                    + twiceId
                    + "'"))
        .isEqualTo(1);
    assertThat(
            countRows(
                "kh_ahtjp",
                "SELECT COUNT(*) FROM audit_entry WHERE operation = 'REJECTION'"
                    + " AND entry_json NOT LIKE '%FG-2015%' AND message_id = '"
                    + twiceId
                    + "'"))
        .as("rejection entries other than the replay answer")
        .isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> deliveredToBackend().getOrDefault(twiceId, 0) == 1);
    assertTrailVerifies(khB, KH);
  }

  static java.util.concurrent.CompletableFuture<Api.Answer> postAsync(
      java.net.http.HttpClient client, String url, String jws) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return Api.postEnvelope(client, url, jws);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Whether a session of the database waits for a row lock (the held audit head). */
  static boolean waitingOnALock(String database) throws Exception {
    return sessionsWaitingOnALock(database) > 0;
  }

  /** How many sessions of the database wait for a lock (a held row, another's uncommitted key). */
  static long sessionsWaitingOnALock(String database) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?"
                    + " AND wait_event_type = 'Lock'")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void assertTrailVerifies(Gateway instance, AgencyId agency) throws Exception {
    AuditLogTrail trail = (AuditLogTrail) instance.context().audit();
    trail.log().checkpoints().checkpointNow();
    var report = AuditVerifier.verify(trail.log().store(), fed.pki().signing(agency).certificate());
    assertThat(report.ok()).as(agency + " " + report.reason()).isTrue();
  }

  static long countRows(String sql) throws Exception {
    return countRows("th_ccib", sql);
  }

  static long countRows(String database, String sql) throws Exception {
    try (Connection c = pg.getDatabase("postgres", database).getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Map<String, Integer> deliveredToBackend() {
    Map<String, Integer> m = new HashMap<>();
    for (var e : backend.getAllServeEvents()) {
      if (e.getResponse().getStatus() == 201) {
        m.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
      }
    }
    return m;
  }

  static Map<String, String> allDelivered(Set<String> ids) {
    Map<String, String> m = new HashMap<>();
    ids.forEach(id -> m.put(id, "DELIVERED"));
    return m;
  }

  static Map<String, String> outboxStates(Set<String> ids) throws Exception {
    Map<String, String> m = new HashMap<>();
    try (Connection c = pg.getDatabase("postgres", "th_ccib").getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT message_id, state FROM fg_outbox");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (ids.contains(rs.getString(1))) {
          m.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return m;
  }

  /** Entries of one operation per message id, read from the log table both replicas wrote. */
  static Map<String, Integer> auditEntries(String operation) throws Exception {
    Map<String, Integer> m = new HashMap<>();
    try (Connection c = pg.getDatabase("postgres", "th_ccib").getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT message_id FROM audit_entry WHERE operation = ?")) {
      ps.setString(1, operation);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          m.merge(rs.getString(1), 1, Integer::sum);
        }
      }
    }
    return m;
  }
}
