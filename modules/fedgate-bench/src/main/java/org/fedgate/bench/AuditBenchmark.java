package org.fedgate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.fedgate.audit.AuditLog;
import org.fedgate.audit.AuditLogConfig;
import org.fedgate.audit.merkle.MerkleTree;
import org.fedgate.audit.merkle.TreeHasher;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.AuditStores;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Actor;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.audit.FieldDisposition;
import org.fedgate.model.audit.Operation;
import org.fedgate.model.audit.Outcome;
import org.fedgate.model.spi.CheckpointSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Audit-log benchmarks.
 *
 * <ul>
 *   <li>{@code durableAppends}: sustained appends per second with {@value #IN_FLIGHT} appends in
 *       flight at any time (as that many concurrent request threads would have): an operation
 *       starts an append as soon as one of the earlier ones has been acknowledged, and an append is
 *       acknowledged only after its group commit is synced to disk. {@code store} = h2 (embedded
 *       file) or postgresql (embedded PostgreSQL 17 server on local disk, with synchronous_commit
 *       forced on by the store).
 *   <li>{@code inclusionProofAt1M}: one RFC 9162 inclusion proof for a random leaf of a
 *       1,000,000-entry tree (what {@code ProofService} does once the tree is loaded).
 * </ul>
 *
 * <p>Run: {@code modules/fedgate-bench/bench jmh AuditBenchmark -f 1 -wi 3 -w 5s -i 5 -r 5s -t 1}
 */
public class AuditBenchmark {

  static final int IN_FLIGHT = 256;

  /** An open log on a fresh store, with checkpoints at the production defaults. */
  @State(Scope.Benchmark)
  public static class LogState {
    @Param({"h2", "postgresql"})
    public String store;

    AuditLog log;
    AuditStore auditStore;
    EmbeddedPostgres pg;
    Path dir;
    AuditEntry[] entries;
    final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
    final java.util.concurrent.atomic.AtomicLong failures =
        new java.util.concurrent.atomic.AtomicLong();
    int next;

    @Setup(Level.Trial)
    public void open() throws Exception {
      if ("h2".equals(store)) {
        dir = Files.createTempDirectory("fedgate-audit-bench");
        auditStore = AuditStores.open("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath());
      } else {
        pg = EmbeddedPostgres.start();
        auditStore = AuditStores.open(pg.getJdbcUrl("postgres", "postgres"));
      }
      log = AuditLog.open(auditStore, AuditLogConfig.defaults("fedgate.bench/audit"), signer());
      entries = new AuditEntry[1024];
      for (int i = 0; i < entries.length; i++) {
        entries[i] = entry(i);
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, InterruptedException {
      inFlight.acquire(IN_FLIGHT); // every started append acknowledged
      inFlight.release(IN_FLIGHT);
      System.out.println(
          "\n[audit bench] store=" + store + " entries=" + log.size() + " failures=" + failures);
      log.close();
      auditStore.close();
      if (pg != null) {
        pg.close();
      }
      TempDirs.deleteTree(dir);
    }
  }

  /** A 1,000,000-leaf tree. */
  @State(Scope.Benchmark)
  public static class TreeState {
    static final int SIZE = 1_000_000;
    MerkleTree tree;

    @Setup(Level.Trial)
    public void build() {
      tree = new MerkleTree();
      byte[] data = new byte[8];
      for (int i = 0; i < SIZE; i++) {
        data[0] = (byte) i;
        data[1] = (byte) (i >> 8);
        data[2] = (byte) (i >> 16);
        tree.appendLeafHash(TreeHasher.leaf(data));
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void durableAppends(LogState s) throws InterruptedException {
    s.inFlight.acquire(); // blocks while IN_FLIGHT appends wait for their commit
    AuditEntry e = s.entries[s.next++ & (s.entries.length - 1)];
    s.log
        .appendAsync(e)
        .whenComplete(
            (seq, failure) -> {
              if (failure != null) {
                s.failures.incrementAndGet();
              }
              s.inFlight.release();
            });
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<byte[]> inclusionProofAt1M(TreeState s) {
    long index = ThreadLocalRandom.current().nextLong(TreeState.SIZE);
    return s.tree.inclusionProof(index, TreeState.SIZE);
  }

  static AuditEntry entry(int i) {
    AgencyId th = AgencyId.of("TH-CCIB");
    AgencyId kh = AgencyId.of("KH-AHTJP");
    return AuditEntry.builder(
            Operation.DISCLOSURE,
            Actor.officer(th, "officer-" + (i % 50), "LIAISON_OFFICER"),
            Outcome.SUCCESS)
        .timestamp(Instant.now())
        .counterpart(kh)
        .recipients(List.of(kh))
        .purpose(Purpose.INVESTIGATION)
        .legalBasis("ASEAN-MLAT-2004/Art.1")
        .justificationRef("CASE-2026-" + i)
        .messageId("msg-" + i)
        .conversationId("conv-" + (i / 4))
        .payloadDigest(String.format("%064x", i))
        .agreement("AGR-TH-KH-2026", "1.2.0")
        .profileVersion("th-ccib@1.0.0")
        .mappingVersion("th-ccib-map@1.0.3")
        .fields(
            new FieldDisposition(
                List.of("/case/id", "/case/offences/*/code", "/persons/*/role"),
                List.of("/persons/*/birthDate"),
                List.of("/persons/*/identifiers/*/value"),
                List.of("/persons/*/names/*/full", "/persons/*/contacts/*/phone")))
        .build();
  }

  /**
   * A throwaway Ed25519 signer for the run (the JDK cannot make certificates, so none is stored).
   */
  static CheckpointSigner signer() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    g.initialize(255, new SecureRandom());
    var kp = g.generateKeyPair();
    return new CheckpointSigner() {
      @Override
      public String algorithm() {
        return "EdDSA";
      }

      @Override
      public String keyId() {
        return "bench";
      }

      @Override
      public byte[] certificateDer() {
        return null;
      }

      @Override
      public byte[] sign(byte[] message) {
        try {
          var s = java.security.Signature.getInstance("Ed25519");
          s.initSign(kp.getPrivate());
          s.update(message);
          return s.sign();
        } catch (java.security.GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
