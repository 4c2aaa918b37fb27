package org.fedgate.gateway.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Group commit for audited writes: concurrent units of work (an outbox row with its DISCLOSURE
 * entry, an inbound row with its COLLECTION entry, ...) are committed together in one audit
 * transaction, so the durable sync is paid once per batch instead of once per exchange. Each unit
 * still commits atomically with its own audit entries; a batch that fails is retried unit by unit,
 * so one bad unit fails alone. {@link #run} returns once the unit is durable. The first unit of a
 * batch waits up to {@code store.groupCommitWait} for others to join it.
 */
public final class AuditedBatcher implements AutoCloseable {

  private record Unit(AuditTrail.AuditedWork<?> work, CompletableFuture<Object> done) {}

  private final AuditTrail audit;
  private final int maxBatch;
  private final long waitNanos;
  private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * {@code wait}: how long the first unit of a batch waits for others to join it before the batch
   * commits (it commits at once when {@code maxBatch} units are there); zero commits whatever has
   * arrived at once.
   */
  public AuditedBatcher(AuditTrail audit, int maxBatch, java.time.Duration wait, String name) {
    this.audit = audit;
    this.maxBatch = maxBatch;
    this.waitNanos = wait.toNanos();
    this.writer = new Thread(this::loop, "fedgate-audited-writer-" + name);
    writer.setDaemon(true);
    writer.start();
  }

  /** Runs the work in a (shared) audit transaction and waits until it is durable. */
  @SuppressWarnings("unchecked")
  public <T> T run(AuditTrail.AuditedWork<T> work) {
    if (closed) {
      throw new FedgateException(GatewayError.STORE_UNAVAILABLE, "gateway stopping");
    }
    CompletableFuture<Object> done = new CompletableFuture<>();
    queue.add(new Unit(work, done));
    try {
      return (T) done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FedgateException(GatewayError.STORE_UNAVAILABLE, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new FedgateException(
          GatewayError.STORE_UNAVAILABLE, "audited write failed", e.getCause());
    }
  }

  private void loop() {
    List<Unit> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Unit first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        // a durable commit costs about as much CPU for one unit as for several (H2 serialises
        // every changed page and the path to its root; the sync), so wait briefly for company:
        // at 500 exchanges/s a 2 ms wait cut the CPU per exchange by 6% and the p99 latency from
        // 180-260 ms to about 100 ms in two runs of three (docs/performance.md, eighth round)
        if (waitNanos > 0 && batch.size() < maxBatch) {
          long until = System.nanoTime() + waitNanos;
          long left;
          while (batch.size() < maxBatch && (left = until - System.nanoTime()) > 0) {
            Unit u = queue.poll(left, TimeUnit.NANOSECONDS);
            if (u == null) {
              break;
            }
            batch.add(u);
            queue.drainTo(batch, maxBatch - batch.size());
          }
        }
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Unit> batch) {
    if (batch.size() > 1) {
      try {
        List<Object> results =
            audit.inTransaction(
                (c, appender) -> {
                  List<Object> r = new ArrayList<>(batch.size());
                  for (Unit u : batch) {
                    r.add(u.work().run(c, appender));
                  }
                  return r;
                });
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).done().complete(results.get(i));
        }
        return;
      } catch (RuntimeException e) {
        // one unit failed and rolled the batch back: run them one by one so it fails alone
      }
    }
    for (Unit u : batch) {
      try {
        u.done().complete(audit.inTransaction(u.work()));
      } catch (RuntimeException e) {
        u.done().completeExceptionally(e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
