package org.fedgate.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit: units that arrive while the first of a batch waits ({@code
 * store.groupCommitWait}) commit in one transaction, a full batch commits without waiting, and a
 * failing unit of a batch fails alone while the others commit.
 */
class AuditedBatcherTest {

  /**
   * The audit port over a real H2 database, counting its transactions (the batcher's only use of
   * the port); the audit log itself is tested in fedgate-audit.
   */
  static final class CountingTrail implements AuditTrail {
    final JdbcDataSource ds = new JdbcDataSource();
    final List<Integer> transactions = java.util.Collections.synchronizedList(new ArrayList<>());

    CountingTrail() {
      ds.setURL("jdbc:h2:mem:batcher-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    public <T> T inTransaction(AuditedWork<T> work) {
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        int[] appended = {0};
        try {
          T result = work.run(c, event -> appended[0]++);
          c.commit();
          transactions.add(appended[0]);
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw new FedgateException(GatewayError.STORE_UNAVAILABLE, "test store", e);
      }
    }

    @Override
    public DataSource dataSource() {
      return ds;
    }

    @Override
    public long append(AuditEvent event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode query(AuditQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode latestCheckpoint() {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode proof(long sequence) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode consistency(long firstSize, long secondSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode export(Instant from, Instant to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long verify() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String storeUrl() {
      return "jdbc:h2:mem:batcher";
    }
  }

  final CountingTrail trail = new CountingTrail();
  AuditedBatcher batcher;

  @AfterEach
  void close() {
    if (batcher != null) {
      batcher.close();
    }
  }

  /** A unit that appends one entry and returns {@code value}. */
  static AuditTrail.AuditedWork<String> unit(String value) {
    return (c, audit) -> {
      audit.append(null);
      return value;
    };
  }

  CompletableFuture<String> runAsync(AuditTrail.AuditedWork<String> work) {
    return CompletableFuture.supplyAsync(() -> batcher.run(work));
  }

  @Test
  void unitsArrivingWhileTheFirstWaits_commitTogether_andAFullBatchDoesNotWaitOut()
      throws Exception {
    // a wait far longer than the test: the batch commits because it is full (2 units), not
    // because the wait ran out
    batcher = new AuditedBatcher(trail, 2, Duration.ofSeconds(60), "test");
    CompletableFuture<String> a = runAsync(unit("a"));
    CompletableFuture<String> b = runAsync(unit("b"));
    assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo("b");
    assertThat(trail.transactions).containsExactly(2);
  }

  @Test
  void aLoneUnit_commitsOnceTheWaitHasRun() {
    batcher = new AuditedBatcher(trail, 256, Duration.ofMillis(20), "test");
    assertThat(batcher.run(unit("alone"))).isEqualTo("alone");
    assertThat(trail.transactions).containsExactly(1);
  }

  @Test
  void withoutWait_eachUnitThatFindsTheWriterIdle_commitsAtOnce() {
    batcher = new AuditedBatcher(trail, 256, Duration.ZERO, "test");
    assertThat(batcher.run(unit("one"))).isEqualTo("one");
    assertThat(batcher.run(unit("two"))).isEqualTo("two");
    assertThat(trail.transactions).containsExactly(1, 1);
  }

  @Test
  void aFailingUnitOfABatch_failsAlone_andTheOthersCommit() throws Exception {
    batcher = new AuditedBatcher(trail, 2, Duration.ofSeconds(60), "test");
    CompletableFuture<String> good = runAsync(unit("good"));
    CompletableFuture<String> bad =
        runAsync(
            (c, audit) -> {
              audit.append(null);
              throw new FedgateException(GatewayError.IDEMPOTENCY_IN_PROGRESS, "taken");
            });
    assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo("good");
    assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(FedgateException.class)
        .cause()
        .extracting(t -> ((FedgateException) t).errorCode())
        .isEqualTo(GatewayError.IDEMPOTENCY_IN_PROGRESS);
    // the batch of two rolled back, then each alone: the good one committed, the bad one not
    assertThat(trail.transactions).containsExactly(1);
  }
}
