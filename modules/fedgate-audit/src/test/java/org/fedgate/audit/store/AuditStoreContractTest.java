package org.fedgate.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fedgate.audit.TestSupport.ID;
import static org.fedgate.audit.TestSupport.KH;
import static org.fedgate.audit.TestSupport.T0;
import static org.fedgate.audit.TestSupport.certOf;
import static org.fedgate.audit.TestSupport.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fedgate.audit.AuditFilter;
import org.fedgate.audit.AuditLog;
import org.fedgate.audit.AuditLogConfig;
import org.fedgate.audit.AuditLogTestAccess;
import org.fedgate.audit.BundleExporter;
import org.fedgate.audit.ConsistencyProof;
import org.fedgate.audit.InclusionProof;
import org.fedgate.audit.LoggedEntry;
import org.fedgate.audit.Page;
import org.fedgate.audit.SignedCheckpoint;
import org.fedgate.audit.TestSupport;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.audit.verify.BundleVerifier;
import org.fedgate.audit.verify.Rfc9162;
import org.fedgate.audit.verify.VerificationReport;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Actor;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.audit.FieldDisposition;
import org.fedgate.model.audit.Operation;
import org.fedgate.model.audit.Outcome;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every audit store passes. Subclasses supply a fresh, empty store per test and
 * the way an attacker with database rights gets past the store's own guards.
 */
public abstract class AuditStoreContractTest {

  private static final HexFormat HEX = HexFormat.of();

  protected AuditStore store;
  protected AuditLog log;

  /** A new, empty store. */
  protected abstract AuditStore newStore() throws Exception;

  /** Lifts append-only guards (PostgreSQL triggers), as a database owner could. */
  protected abstract void allowTampering(Statement s) throws SQLException;

  @BeforeEach
  void openLog() throws Exception {
    store = newStore();
    log = AuditLog.open(store, TestSupport.manualCheckpoints(), TestSupport.es256());
  }

  @AfterEach
  void closeLog() {
    log.close();
    store.close();
  }

  private List<Long> appendRange(int from, int to) {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = from; i < to; i++) {
      entries.add(entry(i));
    }
    return log.appendAll(entries);
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      allowTampering(s);
      s.execute(sql);
    }
  }

  private VerificationReport verify() {
    return AuditVerifier.verify(store, certOf(TestSupport.es256()));
  }

  /** 12 entries with signed checkpoints at sizes 4, 8 and 12. */
  private void twelveEntriesWithCheckpoints() {
    for (int k = 0; k < 3; k++) {
      appendRange(4 * k, 4 * k + 4);
      log.checkpoints().checkpointNow();
    }
  }

  // ---- appending ----

  @Test
  void append_concurrentAppenders_gapFreeSequenceNumbersAndLogVerifies() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Set<Long> seqs = ConcurrentHashMap.newKeySet();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int base = t * 25;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 25; i++) {
                  seqs.add(log.append(entry(base + i)));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(seqs).hasSize(200).allMatch(s -> s >= 0 && s < 200);
    assertThat(store.size()).isEqualTo(200);
    log.checkpoints().checkpointNow();
    VerificationReport r = verify();
    assertThat(r.ok()).as(r.reason()).isTrue();
    assertThat(r.entriesChecked()).isEqualTo(200);
  }

  @Test
  void appendAll_severalEntries_consecutiveNumbersAndStoredJsonRoundTrips() {
    assertThat(appendRange(0, 3)).containsExactly(0L, 1L, 2L);
    assertThat(appendRange(3, 5)).containsExactly(3L, 4L);
    LoggedEntry e = log.query().get(3).orElseThrow();
    assertThat(e.entry()).isEqualTo(entry(3));
    assertThat(e.leafHash()).isEqualTo(log.proofs().leafHash(3));
  }

  @Test
  void append_afterClose_isRefusedWithFg4012() {
    log.close();
    assertThatThrownBy(() -> log.append(entry(0)))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4012"));
  }

  @Test
  void reopen_existingStore_continuesTheSameTree() {
    appendRange(0, 5);
    String root = log.proofs().rootHash(5);
    log.close();
    log = AuditLog.open(store, TestSupport.manualCheckpoints(), TestSupport.es256());
    assertThat(log.append(entry(5))).isEqualTo(5L);
    assertThat(log.proofs().rootHash(5)).isEqualTo(root);
  }

  @Test
  void inTransaction_commit_outboxRowAndEntryCommitTogether() throws SQLException {
    exec("CREATE TABLE test_outbox (id INT PRIMARY KEY)");
    long seq =
        log.inTransaction(
            (tx, audit) -> {
              try (Statement s = tx.createStatement()) {
                s.executeUpdate("INSERT INTO test_outbox (id) VALUES (1)");
              }
              return audit.append(entry(0));
            });
    assertThat(seq).isZero();
    assertThat(count("test_outbox")).isEqualTo(1);
    assertThat(log.append(entry(1))).isEqualTo(1L);
    log.checkpoints().checkpointNow();
    assertThat(verify().ok()).isTrue();
  }

  @Test
  void inTransaction_failure_rollsBackOutboxRowAndEntry() throws SQLException {
    exec("CREATE TABLE test_outbox (id INT PRIMARY KEY)");
    assertThatThrownBy(
            () ->
                log.inTransaction(
                    (tx, audit) -> {
                      audit.append(entry(0));
                      try (Statement s = tx.createStatement()) {
                        s.executeUpdate("INSERT INTO test_outbox (id) VALUES (1)");
                        s.executeUpdate("INSERT INTO test_outbox (id) VALUES (1)"); // duplicate
                      }
                      return null;
                    }))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4003"));
    assertThat(count("test_outbox")).isZero();
    assertThat(store.size()).isZero();
    assertThat(log.append(entry(1))).isZero();
  }

  private long count(String table) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- queries ----

  @Test
  void find_eachCriterion_returnsOnlyMatchesInSequenceOrder() {
    appendRange(0, 30);
    AuditFilter all = AuditFilter.ALL;
    assertThat(seqs(all.withCounterpart(KH))).allMatch(s -> s % 2 == 0).hasSize(15);
    assertThat(seqs(all.withOfficer("officer-1")))
        .containsExactly(1L, 5L, 9L, 13L, 17L, 21L, 25L, 29L);
    assertThat(seqs(all.withPurpose(Purpose.VICTIM_IDENTIFICATION)))
        .containsExactly(0L, 5L, 10L, 15L, 20L, 25L);
    assertThat(seqs(all.withOperation(Operation.COLLECTION))).allMatch(s -> s % 2 == 1);
    assertThat(seqs(all.withOutcome(Outcome.REJECTED))).allMatch(s -> s % 3 == 2).hasSize(10);
    assertThat(seqs(all.withMessageId("msg-7"))).containsExactly(7L);
    assertThat(seqs(all.withConversationId("conv-2"))).containsExactly(6L, 7L, 8L);
    assertThat(seqs(all.withTime(T0.plusSeconds(10), T0.plusSeconds(13))))
        .containsExactly(10L, 11L, 12L);
    assertThat(seqs(all.withCounterpart(ID).withOutcome(Outcome.REJECTED)))
        .containsExactly(5L, 11L, 17L, 23L, 29L);
  }

  @Test
  void find_paginated_pagesAreStableAndComplete() {
    appendRange(0, 25);
    List<Long> seen = new ArrayList<>();
    long after = -1;
    int pages = 0;
    while (true) {
      Page p = log.query().find(AuditFilter.ALL, after, 10);
      p.entries().forEach(e -> seen.add(e.sequence()));
      pages++;
      if (p.nextAfter().isEmpty()) {
        break;
      }
      after = p.nextAfter().getAsLong();
      appendRange(100 + pages, 101 + pages); // the log grows while a reviewer pages
    }
    assertThat(seen.subList(0, 25)).containsExactlyElementsOf(seqRange(0, 25));
    assertThat(seen).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void find_invalidPage_isRefusedWithFg4010() {
    assertThatThrownBy(() -> log.query().find(AuditFilter.ALL, -1, 0))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4010"));
    assertThatThrownBy(
            () -> log.query().find(AuditFilter.ALL.withTime(T0.plusSeconds(5), T0), -1, 10))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4010"));
  }

  private List<Long> seqs(AuditFilter f) {
    return log.query().find(f, -1, 1000).entries().stream().map(LoggedEntry::sequence).toList();
  }

  private static List<Long> seqRange(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }

  // ---- checkpoints and proofs ----

  @Test
  void checkpoint_afterNEntries_isSignedWithoutDemand() throws Exception {
    log.close();
    AuditLogConfig every5 =
        TestSupport.manualCheckpoints().withCheckpointEvery(5, Duration.ofHours(1));
    log = AuditLog.open(store, every5, TestSupport.es256());
    appendRange(0, 5);
    SignedCheckpoint cp = awaitCheckpoint(5);
    assertThat(cp.checkpoint().rootHash()).isEqualTo(log.proofs().rootHash(5));
  }

  @Test
  void checkpoint_afterInterval_isSignedWithoutDemand() throws Exception {
    log.close();
    AuditLogConfig fast =
        TestSupport.manualCheckpoints().withCheckpointEvery(1_000, Duration.ofMillis(50));
    log = AuditLog.open(store, fast, TestSupport.ed25519());
    appendRange(0, 3);
    SignedCheckpoint cp = awaitCheckpoint(3);
    assertThat(cp.algorithm()).isEqualTo("EdDSA");
    // the first log (ES256) signed a final checkpoint on close: check each with its recorded key
    VerificationReport r = AuditVerifier.verify(store, null);
    assertThat(r.ok()).as(r.reason()).isTrue();
  }

  private SignedCheckpoint awaitCheckpoint(long size) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var latest = log.checkpoints().latest();
      if (latest.isPresent() && latest.get().checkpoint().treeSize() >= size) {
        return latest.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no checkpoint of size " + size);
  }

  @Test
  void proofs_againstSignedCheckpoints_verifyWithTheVerifierPackage() {
    twelveEntriesWithCheckpoints();
    List<SignedCheckpoint> cps = log.checkpoints().between(0, 100);
    assertThat(cps).extracting(c -> c.checkpoint().treeSize()).containsExactly(4L, 8L, 12L);
    byte[] root12 = HEX.parseHex(cps.get(2).checkpoint().rootHash());
    for (long i = 0; i < 12; i++) {
      InclusionProof p = log.proofs().inclusionProof(i, 12);
      assertThat(
              Rfc9162.verifyInclusion(
                  i, 12, HEX.parseHex(log.proofs().leafHash(i)), decode(p.hashes()), root12))
          .isTrue();
    }
    ConsistencyProof c = log.proofs().consistencyProof(4, 12);
    assertThat(
            Rfc9162.verifyConsistency(
                4,
                12,
                decode(c.hashes()),
                HEX.parseHex(cps.get(0).checkpoint().rootHash()),
                root12))
        .isTrue();
    assertThatThrownBy(() -> log.proofs().inclusionProof(12, 12))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4007"));
    assertThatThrownBy(() -> log.proofs().consistencyProof(4, 13))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4007"));
  }

  @Test
  void checkpointsIssued_moreThanMax_evenlyThinnedInTheDatabase() {
    twelveEntriesWithCheckpoints();
    assertThat(store.checkpointsIssued(null, null, 13, 256))
        .extracting(StoredCheckpoint::treeSize)
        .containsExactly(4L, 8L, 12L);
    assertThat(store.checkpointsIssued(null, null, 13, 2))
        .extracting(StoredCheckpoint::treeSize)
        .containsExactly(4L, 12L);
    assertThat(store.checkpointsIssued(null, null, 12, 256))
        .extracting(StoredCheckpoint::treeSize)
        .containsExactly(4L, 8L);
    java.time.Instant future = java.time.Instant.now().plusSeconds(3600);
    assertThat(store.checkpointsIssued(future, null, 13, 256)).isEmpty();
    assertThat(store.checkpoints(0, 100, 2))
        .extracting(StoredCheckpoint::treeSize)
        .containsExactly(4L, 8L);
  }

  private static List<byte[]> decode(List<String> hex) {
    return hex.stream().map(HEX::parseHex).toList();
  }

  // ---- verification and tampering ----

  @Test
  void verify_untouchedLog_succeeds() {
    twelveEntriesWithCheckpoints();
    VerificationReport r = verify();
    assertThat(r.ok()).as(r.reason()).isTrue();
    assertThat(r.checkpointsChecked()).isEqualTo(3);
    assertThat(AuditVerifier.verify(store, null).ok()).isTrue();
  }

  @Test
  void verify_changedEntry_namesItsSequenceNumber() throws SQLException {
    twelveEntriesWithCheckpoints();
    exec(
        "UPDATE audit_entry SET entry_json = REPLACE(entry_json, 'TH-CCIB', 'TH-XXXX')"
            + " WHERE seq = 5");
    assertTampered(verify(), 5, AuditError.LOG_TAMPERED);
  }

  @Test
  void verify_changedEntryWithRecomputedLeafHash_isCaughtByTheCheckpoint() throws Exception {
    twelveEntriesWithCheckpoints();
    String json = jsonOf(4).replace("\"INVESTIGATION\"", "\"PROSECUTION\"");
    // a careful attacker also fixes the leaf hash; only the signed root can tell
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      allowTampering(s);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE audit_entry SET entry_json = ?, leaf_hash = ? WHERE seq = 4")) {
        ps.setString(1, json);
        ps.setBytes(2, Rfc9162.leafHash(json.getBytes(StandardCharsets.UTF_8)));
        ps.executeUpdate();
      }
    }
    VerificationReport r = verify();
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(AuditError.LOG_TAMPERED);
    // the search column 'purpose' no longer matches the JSON, so the row itself is named
    assertThat(r.firstBadSequence()).hasValue(4);
  }

  @Test
  void verify_changedEntryColumnsAndHashConsistently_namesTheCheckpointRange() throws Exception {
    twelveEntriesWithCheckpoints();
    String json = jsonOf(5).replace("\"CASE-2026-1005\"", "\"CASE-2026-9999\"");
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      allowTampering(s);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE audit_entry SET entry_json = ?, leaf_hash = ? WHERE seq = 5")) {
        ps.setString(1, json);
        ps.setBytes(2, Rfc9162.leafHash(json.getBytes(StandardCharsets.UTF_8)));
        ps.executeUpdate();
      }
    }
    // nothing but the signed root at size 8 contradicts it: entries 4..7 are named
    assertTampered(verify(), 4, AuditError.LOG_TAMPERED);
    assertThat(verify().reason()).contains("from 4 to 7");
  }

  @Test
  void verify_changedSearchColumn_namesItsSequenceNumber() throws SQLException {
    twelveEntriesWithCheckpoints();
    exec("UPDATE audit_entry SET counterpart = 'ID-BARESKRIM' WHERE seq = 6");
    assertTampered(verify(), 6, AuditError.LOG_TAMPERED);
  }

  @Test
  void verify_deletedEntry_namesItsSequenceNumber() throws SQLException {
    twelveEntriesWithCheckpoints();
    exec("DELETE FROM audit_entry WHERE seq = 3");
    assertTampered(verify(), 3, AuditError.LOG_TAMPERED);
  }

  @Test
  void verify_insertedEntryBeyondTheHead_isNamed() throws SQLException {
    twelveEntriesWithCheckpoints();
    exec(
        "INSERT INTO audit_entry (seq, event_time, operation, outcome, actor_agency, entry_json,"
            + " leaf_hash) SELECT 12, event_time, operation, outcome, actor_agency,"
            + " REPLACE(entry_json, '\"sequence\":11', '\"sequence\":12'), leaf_hash"
            + " FROM audit_entry WHERE seq = 11");
    assertTampered(verify(), 12, AuditError.LOG_TAMPERED);
  }

  @Test
  void verify_entryInsertedInTheMiddle_isDetected() throws Exception {
    twelveEntriesWithCheckpoints();
    // shift 5..11 up by one (JSON and all) and slip a forged entry in at 5, head + 1
    for (long seq = 11; seq >= 5; seq--) {
      exec("UPDATE audit_entry SET seq = " + (seq + 1) + " WHERE seq = " + seq);
    }
    String forged = AuditLogTestAccess.canonical(entry(99), 5);
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO audit_entry (seq, event_time, operation, outcome, actor_agency,"
                    + " officer_id, counterpart, purpose, message_id, conversation_id, entry_json,"
                    + " leaf_hash) VALUES (5, ?, 'COLLECTION', 'SUCCESS', 'TH-CCIB', 'officer-3',"
                    + " 'ID-BARESKRIM', 'INVESTIGATION', 'msg-99', 'conv-33', ?, ?)")) {
      ps.setObject(
          1, java.time.OffsetDateTime.ofInstant(T0.plusSeconds(99), java.time.ZoneOffset.UTC));
      ps.setString(2, forged);
      ps.setBytes(3, Rfc9162.leafHash(forged.getBytes(StandardCharsets.UTF_8)));
      ps.executeUpdate();
    }
    exec("UPDATE audit_log_head SET tree_size = 13");
    VerificationReport r = verify();
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(AuditError.LOG_TAMPERED);
    // the forged row is well-formed; the shifted row after it names the wrong sequence number
    assertThat(r.firstBadSequence()).hasValue(6);
  }

  @Test
  void verify_reorderedEntries_namesTheFirstMovedSequenceNumber() throws Exception {
    twelveEntriesWithCheckpoints();
    exec("UPDATE audit_entry SET seq = 100 WHERE seq = 2");
    exec("UPDATE audit_entry SET seq = 2 WHERE seq = 9");
    exec("UPDATE audit_entry SET seq = 9 WHERE seq = 100");
    assertTampered(verify(), 2, AuditError.LOG_TAMPERED);
  }

  @Test
  void verify_truncatedBelowACheckpoint_namesTheFirstMissingEntry() throws SQLException {
    twelveEntriesWithCheckpoints();
    exec("DELETE FROM audit_entry WHERE seq >= 10");
    exec("UPDATE audit_log_head SET tree_size = 10");
    assertTampered(verify(), 10, AuditError.LOG_TAMPERED);
  }

  @Test
  void verify_forgedCheckpointRoot_isRefusedWithFg4005() throws SQLException {
    twelveEntriesWithCheckpoints();
    exec("UPDATE audit_checkpoint SET root_hash = '" + "0".repeat(64) + "' WHERE tree_size = 8");
    VerificationReport r = verify();
    assertThat(r.ok()).isFalse();
    assertThat(r.error().code()).isEqualTo("FG-4005");
  }

  @Test
  void verify_checkpointsOfAnotherKey_failAgainstThePinnedCertificate() {
    twelveEntriesWithCheckpoints();
    VerificationReport r = AuditVerifier.verify(store, certOf(TestSupport.other()));
    assertThat(r.ok()).isFalse();
    assertThat(r.error().code()).isEqualTo("FG-4005");
  }

  private String jsonOf(long seq) {
    return store.entry(seq).orElseThrow().json();
  }

  private static void assertTampered(VerificationReport r, long firstBad, AuditError error) {
    assertThat(r.ok()).as("verification must fail").isFalse();
    assertThat(r.error()).as(r.reason()).isEqualTo(error);
    assertThat(r.firstBadSequence()).as(r.reason()).hasValue(firstBad);
  }

  // ---- no personal data ----

  @Test
  void store_recordsFullOfMarkers_holdNoMarkerAnywhere() throws Exception {
    // what a gateway derives from a record full of personal data: digests, paths, ids only
    String record =
        "{\"persons\":[{\"names\":[{\"full\":\"ZQXMARKER Nittaya Fictional\"}],"
            + "\"birthDate\":\"2011-02-03\",\"phone\":\"+66 ZQX 555 0100\","
            + "\"identifiers\":[{\"value\":\"ZQXID-3100600445635\"}]}]}";
    String digest =
        HEX.formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(record.getBytes(StandardCharsets.UTF_8)));
    List<String> markers =
        List.of(
            "ZQXMARKER", "Nittaya", "Fictional", "2011-02-03", "ZQX 555", "ZQXID", "3100600445635");
    // free text as it appears in records (names with spaces, phone numbers, sentences)
    List<String> freeText =
        List.of(
            "ZQXMARKER Nittaya Fictional",
            "+66 ZQX 555 0100",
            "born 2011-02-03",
            "Nittaya\nFictional",
            "ZQXID 3100600445635");
    for (int i = 0; i < 20; i++) {
      log.append(
          AuditEntry.builder(
                  Operation.DISCLOSURE,
                  Actor.officer(TestSupport.TH, "officer-7", "LIAISON_OFFICER"),
                  Outcome.SUCCESS)
              .counterpart(KH)
              .payloadDigest(digest)
              .messageId("msg-" + i)
              .fields(
                  new FieldDisposition(
                      List.of("/persons/*/role"),
                      List.of("/persons/*/birthDate"),
                      List.of("/persons/*/identifiers/*/value"),
                      List.of("/persons/*/names/*/full", "/persons/*/phone")))
              .build());
    }
    // and every attempt to put a marker into a text component is refused with FG-4001
    for (String m : freeText) {
      assertRefused(() -> entryWith(m, null, null, null));
      assertRefused(() -> entryWith(null, m, null, null));
      assertRefused(() -> entryWith(null, null, m, null));
      assertRefused(() -> entryWith(null, null, null, "/persons/*/" + m));
    }
    log.checkpoints().checkpointNow();
    List<String> found = scanAllTables(markers);
    assertThat(found).isEmpty();
    assertThat(scanAllTables(List.of("officer-7"))).isNotEmpty(); // the scan does see the data
  }

  private static AuditEntry entryWith(
      String legalBasis, String justification, String officer, String path) {
    return AuditEntry.builder(
            Operation.CONSULTATION,
            Actor.officer(TestSupport.TH, officer == null ? "officer-1" : officer, "ANALYST"),
            Outcome.SUCCESS)
        .legalBasis(legalBasis)
        .justificationRef(justification)
        .fields(
            path == null
                ? FieldDisposition.NONE
                : new FieldDisposition(List.of(path), List.of(), List.of(), List.of()))
        .build();
  }

  private static void assertRefused(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4001"));
  }

  /** Every row of every table in the store's schema, every column as text and as bytes. */
  private List<String> scanAllTables(List<String> markers) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null
              && (schema.equalsIgnoreCase("INFORMATION_SCHEMA")
                  || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          tables.add(
              (schema == null ? "" : "\"" + schema + "\".")
                  + "\""
                  + rs.getString("TABLE_NAME")
                  + "\"");
        }
      }
      assertThat(tables).hasSizeGreaterThanOrEqualTo(4);
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              String text =
                  v instanceof byte[] b
                      ? new String(b, StandardCharsets.ISO_8859_1)
                      : String.valueOf(v);
              for (String m : markers) {
                if (text.contains(m)) {
                  found.add(table + "." + rs.getMetaData().getColumnName(i) + " has " + m);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  // ---- export ----

  @Test
  void export_timeRange_bundleVerifiesOfflineWithTheCertificate() {
    twelveEntriesWithCheckpoints();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BundleExporter.Summary s =
        new BundleExporter(log).export(T0.plusSeconds(3), T0.plusSeconds(9), out);
    assertThat(s.entries()).isEqualTo(6);
    BundleVerifier.Result r =
        BundleVerifier.verify(
            new ByteArrayInputStream(out.toByteArray()), certOf(TestSupport.es256()));
    assertThat(r.entries()).isEqualTo(6);
    assertThat(r.anchorSize()).isEqualTo(12);
  }
}
