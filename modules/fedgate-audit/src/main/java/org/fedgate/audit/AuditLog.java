package org.fedgate.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.fedgate.audit.merkle.TreeHasher;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.AuditStores;
import org.fedgate.audit.store.IndexColumns;
import org.fedgate.audit.store.StoredEntry;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.spi.CheckpointSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, tamper-evident audit log.
 *
 * <p>{@link #append} returns only after the entry is committed and synced to disk. Concurrent
 * appenders share commits: one writer thread takes everything queued (up to {@code maxBatch}
 * entries), writes it in one transaction, syncs once and then releases all waiting callers (group
 * commit). {@link #inTransaction} instead appends inside a transaction of the caller's own, on the
 * log's {@link #dataSource()}, so that an outbox row and its audit entry commit or fail together.
 *
 * <p>Checkpoints are signed every {@code checkpointEvery} entries or {@code checkpointInterval},
 * whichever comes first, and on demand ({@link Checkpoints#checkpointNow()}).
 */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private final AuditStore store;
  private final AuditLogConfig config;
  private final LogTree tree;
  private final Checkpoints checkpoints;
  private final ProofService proofs;
  private final AuditQuery query;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final ScheduledExecutorService checkpointer;
  private final AtomicBoolean checkpointQueued = new AtomicBoolean();
  private final boolean ownsStore;
  private volatile boolean closed;
  private Connection writerConnection;

  private record Pending(
      List<AuditEntry> entries, List<String> jsons, CompletableFuture<List<Long>> done) {}

  private AuditLog(
      AuditStore store,
      AuditLogConfig config,
      CheckpointSigner signer,
      Clock clock,
      boolean ownsStore) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.config = config;
    this.tree = new LogTree(store);
    this.tree.sync();
    this.checkpoints = new Checkpoints(store, tree, signer, config.origin(), clock);
    this.proofs = new ProofService(tree);
    this.query = new AuditQuery(store);
    this.writer = new Thread(this::writeLoop, "fedgate-audit-writer");
    this.writer.setDaemon(true);
    this.writer.start();
    this.checkpointer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fedgate-audit-checkpointer");
              t.setDaemon(true);
              return t;
            });
    long ms = config.checkpointInterval().toMillis();
    checkpointer.scheduleWithFixedDelay(this::checkpointIfDue, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Opens the log on a store; closing the log leaves the store open (its opener closes it). */
  public static AuditLog open(AuditStore store, AuditLogConfig config, CheckpointSigner signer) {
    return new AuditLog(
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(signer, "signer"),
        Clock.systemUTC(),
        false);
  }

  /**
   * Opens the store at a JDBC URL ({@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}); the
   * log closes it on {@link #close()}.
   */
  public static AuditLog open(String jdbcUrl, AuditLogConfig config, CheckpointSigner signer) {
    AuditStore store = AuditStores.open(jdbcUrl);
    try {
      return new AuditLog(
          store,
          Objects.requireNonNull(config, "config"),
          Objects.requireNonNull(signer, "signer"),
          Clock.systemUTC(),
          true);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Appends one entry; returns its sequence number once it is durable. */
  public long append(AuditEntry entry) {
    return appendAll(List.of(entry)).get(0);
  }

  /**
   * Appends entries in one transaction (all or none, consecutive sequence numbers); returns once
   * durable.
   */
  public List<Long> appendAll(List<AuditEntry> entries) {
    try {
      return appendAllAsync(entries).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FedgateException(AuditError.APPEND_FAILED, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FedgateException fe) {
        throw fe;
      }
      throw new FedgateException(AuditError.APPEND_FAILED, "commit failed", e.getCause());
    }
  }

  /** Queues one entry; the future completes with its sequence number once durable. */
  public CompletableFuture<Long> appendAsync(AuditEntry entry) {
    return appendAllAsync(List.of(entry)).thenApply(l -> l.get(0));
  }

  /** Queues entries to be committed together; completes once durable. */
  public CompletableFuture<List<Long>> appendAllAsync(List<AuditEntry> entries) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new FedgateException(AuditError.LOG_CLOSED, "append after close"));
    }
    if (entries.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    // canonical JSON on the caller's thread; the writer only splices in the sequence number
    List<String> jsons = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      jsons.add(EntryJson.canonicalWithoutSequence(Objects.requireNonNull(e, "entry")));
    }
    CompletableFuture<List<Long>> done = new CompletableFuture<>();
    queue.add(new Pending(List.copyOf(entries), jsons, done));
    return done;
  }

  /** Work that runs in one transaction with access to the audit log. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Connection tx, Appender audit) throws SQLException;
  }

  /** Appends inside the surrounding transaction; the entries commit with it. */
  public interface Appender {
    /** Returns the sequence number the entry will have if the transaction commits. */
    long append(AuditEntry entry) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on {@link #dataSource()}: the caller's own statements
   * (e.g. an outbox insert) and the audit entries it appends commit together or not at all. The
   * first append locks the log head until commit, so keep the work short. Returns once the commit
   * is durable.
   */
  public <T> T inTransaction(TransactionWork<T> work) {
    if (closed) {
      throw new FedgateException(AuditError.LOG_CLOSED, "transaction after close");
    }
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      List<byte[]> leaves = new ArrayList<>();
      List<StoredEntry> rows = new ArrayList<>();
      long[] first = {-1};
      // the head is locked at the first append; the rows are written in one batch and the head
      // moved once, just before the commit (one statement each instead of two per entry)
      Appender appender =
          entry -> {
            if (first[0] < 0) {
              first[0] = store.lockHead(c);
            }
            long seq = first[0] + leaves.size();
            StoredEntry row =
                row(seq, entry, EntryJson.canonicalWithoutSequence(Objects.requireNonNull(entry)));
            rows.add(row);
            leaves.add(row.leafHash());
            return seq;
          };
      T result;
      try {
        result = work.run(c, appender);
        if (!rows.isEmpty()) {
          store.insertEntries(c, rows);
          store.setHead(c, first[0] + rows.size());
        }
        c.commit();
        // back to auto-commit before the sync, so that the session goes back to its pool clean: a
        // pool rolls back a session that ran a statement after its last commit, and a rollback
        // makes H2 drop the session's parsed statements (seen as re-parsing in the load profile)
        c.setAutoCommit(true);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      if (!leaves.isEmpty()) {
        tree.appendCommitted(first[0], leaves.toArray(new byte[0][]));
        store.makeDurable(c);
        maybeCheckpoint();
      }
      return result;
    } catch (SQLException e) {
      throw new FedgateException(AuditError.APPEND_FAILED, "transaction failed", e);
    }
  }

  /** The log's database, so the gateway can keep its outbox in the same transactions. */
  public DataSource dataSource() {
    return store.dataSource();
  }

  public AuditStore store() {
    return store;
  }

  public String origin() {
    return config.origin();
  }

  public AuditQuery query() {
    return query;
  }

  public Checkpoints checkpoints() {
    return checkpoints;
  }

  public ProofService proofs() {
    return proofs;
  }

  /** The number of committed entries this process knows of. */
  public long size() {
    return tree.size();
  }

  private static StoredEntry row(long seq, AuditEntry entry, String jsonWithoutSequence) {
    String json = EntryJson.withSequence(jsonWithoutSequence, seq);
    byte[] leaf = TreeHasher.leaf(json.getBytes(StandardCharsets.UTF_8));
    return new StoredEntry(seq, json, leaf, IndexColumns.of(entry));
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      Pending first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (first == null) {
        if (closed && queue.isEmpty()) {
          break;
        }
        continue;
      }
      batch.clear();
      batch.add(first);
      int n = first.entries().size();
      Pending next;
      while (n < config.maxBatch() && (next = queue.peek()) != null) {
        if (n + next.entries().size() > config.maxBatch()) {
          break;
        }
        batch.add(queue.poll());
        n += next.entries().size();
      }
      commit(batch, n);
    }
    closeWriterConnection();
  }

  private void commit(List<Pending> batch, int n) {
    try {
      Connection c = writerConnection();
      long size;
      StoredEntry[] rows = new StoredEntry[n];
      try {
        size = store.lockHead(c);
        tree.catchUp(size);
        int i = 0;
        for (Pending p : batch) {
          for (int k = 0; k < p.entries().size(); k++) {
            rows[i] = row(size + i, p.entries().get(k), p.jsons().get(k));
            i++;
          }
        }
        store.insertEntries(c, List.of(rows));
        store.setHead(c, size + n);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      }
      byte[][] leaves = new byte[n][];
      for (int i = 0; i < n; i++) {
        leaves[i] = rows[i].leafHash();
      }
      tree.appendCommitted(size, leaves);
      store.makeDurable(c);
      long seq = size;
      for (Pending p : batch) {
        List<Long> seqs = new ArrayList<>(p.entries().size());
        for (int k = 0; k < p.entries().size(); k++) {
          seqs.add(seq++);
        }
        p.done().complete(seqs);
      }
      maybeCheckpoint();
    } catch (SQLException | RuntimeException e) {
      closeWriterConnection(); // a broken connection is replaced on the next batch
      FedgateException failure =
          e instanceof FedgateException fe
              ? fe
              : new FedgateException(AuditError.APPEND_FAILED, "group commit failed", e);
      LOG.warn("audit group commit of {} entries failed: {}", n, failure.getMessage());
      batch.forEach(p -> p.done().completeExceptionally(failure));
    }
  }

  private Connection writerConnection() throws SQLException {
    if (writerConnection == null || writerConnection.isClosed()) {
      writerConnection = store.dataSource().getConnection();
      writerConnection.setAutoCommit(false);
    }
    return writerConnection;
  }

  private void closeWriterConnection() {
    if (writerConnection != null) {
      try {
        writerConnection.close();
      } catch (SQLException e) {
        // replaced on next use
      }
      writerConnection = null;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // the connection is dropped anyway
    }
  }

  private void maybeCheckpoint() {
    if (tree.size() - checkpoints.lastSize() >= config.checkpointEvery()
        && checkpointQueued.compareAndSet(false, true)) {
      checkpointer.execute(
          () -> {
            checkpointQueued.set(false);
            checkpointIfDue();
          });
    }
  }

  private void checkpointIfDue() {
    try {
      if (tree.size() != checkpoints.lastSize() || checkpoints.lastSize() < 0) {
        checkpoints.checkpointNow();
      }
    } catch (RuntimeException e) {
      LOG.warn("audit checkpoint failed: {}", e.getMessage());
    }
  }

  /** Commits what is queued, signs a final checkpoint and stops the background threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkpointer.shutdown();
    try {
      checkpointer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkpointIfDue();
    // an append that raced with close() is refused rather than left waiting
    Pending late;
    while ((late = queue.poll()) != null) {
      late.done()
          .completeExceptionally(new FedgateException(AuditError.LOG_CLOSED, "append after close"));
    }
    if (ownsStore) {
      store.close();
    }
  }
}
