package org.fedgate.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * The gateway's own tables (outbox, inbound queue, record requests) in the configured database: H2
 * (embedded default) or PostgreSQL. The audit log may live in the same database, so that an outbox
 * row and its audit entry commit in one transaction.
 */
public final class GatewayStore implements AutoCloseable {

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final String url;
  private final boolean postgres;

  /** The gateway's tables in the audit log's database (so that both share transactions). */
  public GatewayStore(DataSource dataSource, String url) {
    this.dataSource = dataSource;
    this.url = url;
    this.postgres = url.startsWith("jdbc:postgresql:");
    migrate();
  }

  /** A nullable epoch-millisecond column as an instant. */
  static java.time.Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : java.time.Instant.ofEpochMilli(v);
  }

  /** The JDBC URL of the store (no credentials). */
  public String url() {
    return url;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs work in one transaction; commits on success, rolls back on any failure. */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new FedgateException(GatewayError.STORE_UNAVAILABLE, "sql state " + e.getSQLState(), e);
    }
  }

  /** Whether the database answers. */
  public boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void migrate() {
    String text = postgres ? "TEXT" : "CLOB";
    List<String> ddl =
        List.of(
            "CREATE TABLE IF NOT EXISTS fg_outbox ("
                + " message_id VARCHAR(64) PRIMARY KEY,"
                + " conversation_id VARCHAR(64) NOT NULL,"
                + " partner VARCHAR(32) NOT NULL,"
                + " message_type VARCHAR(32) NOT NULL,"
                + " purpose VARCHAR(32) NOT NULL,"
                + " envelope "
                + text
                + " NOT NULL,"
                + " payload_sha256 VARCHAR(64) NOT NULL,"
                + " created_at BIGINT NOT NULL,"
                + " expires_at BIGINT NOT NULL,"
                + " state VARCHAR(16) NOT NULL,"
                + " attempts INT NOT NULL,"
                + " error_code VARCHAR(16),"
                + " receipt "
                + text
                + ","
                + " updated_at BIGINT NOT NULL)",
            // the polls read the oldest rows in a state: an index in that order spares them a
            // sort of every pending row (which a backlog made costly)
            "DROP INDEX IF EXISTS fg_outbox_state", // superseded by the next one
            "CREATE INDEX IF NOT EXISTS fg_outbox_state_age"
                + " ON fg_outbox(state, created_at, message_id)",
            "CREATE TABLE IF NOT EXISTS fg_inbound ("
                + " message_id VARCHAR(64) PRIMARY KEY,"
                + " conversation_id VARCHAR(64) NOT NULL,"
                + " sender VARCHAR(32) NOT NULL,"
                + " message_type VARCHAR(32) NOT NULL,"
                + " purpose VARCHAR(32) NOT NULL,"
                + " payload_sha256 VARCHAR(64) NOT NULL,"
                + " received_at BIGINT NOT NULL,"
                + " expires_at BIGINT NOT NULL,"
                + " media_type VARCHAR(64),"
                + " body "
                + text
                + ","
                + " receipt "
                + text
                + " NOT NULL,"
                + " state VARCHAR(16) NOT NULL,"
                + " attempts INT NOT NULL,"
                + " error_code VARCHAR(16),"
                + " updated_at BIGINT NOT NULL)",
            "DROP INDEX IF EXISTS fg_inbound_state",
            "CREATE INDEX IF NOT EXISTS fg_inbound_state_age"
                + " ON fg_inbound(state, received_at, message_id)",
            "CREATE TABLE IF NOT EXISTS fg_request ("
                + " request_id VARCHAR(64) PRIMARY KEY,"
                + " officer VARCHAR(128) NOT NULL,"
                + " partner VARCHAR(32) NOT NULL,"
                + " purpose VARCHAR(32) NOT NULL,"
                + " legal_basis VARCHAR(512) NOT NULL,"
                + " justification VARCHAR(256) NOT NULL,"
                + " message_id VARCHAR(64),"
                + " created_at BIGINT NOT NULL,"
                + " state VARCHAR(16) NOT NULL,"
                + " error_code VARCHAR(16),"
                + " media_type VARCHAR(64),"
                + " answer "
                + text
                + ","
                + " updated_at BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS fg_request_officer ON fg_request(officer, created_at)",
            "CREATE TABLE IF NOT EXISTS fg_quarantine ("
                + " message_id VARCHAR(64) PRIMARY KEY,"
                + " conversation_id VARCHAR(64),"
                + " sender VARCHAR(32) NOT NULL,"
                + " purpose VARCHAR(32),"
                + " agreement_id VARCHAR(128),"
                + " agreement_version VARCHAR(32),"
                + " error_code VARCHAR(16) NOT NULL,"
                + " reason VARCHAR(4096),"
                + " payload_sha256 VARCHAR(64) NOT NULL,"
                + " received_at BIGINT NOT NULL,"
                + " envelope "
                + text
                + " NOT NULL)",
            "CREATE INDEX IF NOT EXISTS fg_quarantine_age ON fg_quarantine(received_at)",
            // retention: when a received record was erased (its row and audit trail remain)
            "ALTER TABLE fg_inbound ADD COLUMN IF NOT EXISTS erased_at BIGINT",
            "ALTER TABLE fg_request ADD COLUMN IF NOT EXISTS erased_at BIGINT",
            // the hourly retention sweep lists partners and the rows of each not yet erased:
            // without
            // an index it read every row, bodies included, once an hour; with (partner, age) alone
            // it still read every row erased before, for every batch (21,001 rows read for a batch
            // of 200 behind 20,000 erased ones, measured on H2), a cost that grew without end.
            // erased_at between the two makes the rows still to erase one range of the index
            "DROP INDEX IF EXISTS fg_inbound_sender_age",
            "DROP INDEX IF EXISTS fg_request_partner_age",
            "CREATE INDEX IF NOT EXISTS fg_inbound_sender_erasable"
                + " ON fg_inbound(sender, erased_at, received_at)",
            "CREATE INDEX IF NOT EXISTS fg_request_partner_erasable"
                + " ON fg_request(partner, erased_at, updated_at)",
            "CREATE INDEX IF NOT EXISTS fg_quarantine_sender_age"
                + " ON fg_quarantine(sender, received_at)",
            // several instances of one agency's gateway on one store: who works on which row
            "ALTER TABLE fg_outbox ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(128)",
            "ALTER TABLE fg_outbox ADD COLUMN IF NOT EXISTS claimed_until BIGINT",
            "ALTER TABLE fg_inbound ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(128)",
            "ALTER TABLE fg_inbound ADD COLUMN IF NOT EXISTS claimed_until BIGINT",
            // what this gateway sent is erased after retention.sentEnvelopes: the envelope goes,
            // ids, digest, state and receipt stay; the sweep finds the rows not yet erased, oldest
            // first, through the index without reading those erased before
            "ALTER TABLE fg_outbox ADD COLUMN IF NOT EXISTS erased_at BIGINT",
            "ALTER TABLE fg_outbox ALTER COLUMN envelope DROP NOT NULL",
            "CREATE INDEX IF NOT EXISTS fg_outbox_erasable ON fg_outbox(erased_at, created_at)",
            // what an agency caller's Idempotency-Key created, per partner (Submissions)
            "CREATE TABLE IF NOT EXISTS fg_submission ("
                + " caller VARCHAR(128) NOT NULL,"
                + " idempotency_key VARCHAR(128) NOT NULL,"
                + " partner VARCHAR(32) NOT NULL,"
                + " request_sha256 VARCHAR(64) NOT NULL,"
                + " conversation_id VARCHAR(64) NOT NULL,"
                + " message_id VARCHAR(64) NOT NULL,"
                + " created_at BIGINT NOT NULL,"
                + " PRIMARY KEY (caller, idempotency_key, partner))",
            "CREATE INDEX IF NOT EXISTS fg_submission_age ON fg_submission(created_at)");
    inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            if (!postgres) {
              // keep envelopes, receipts and bodies of ordinary size inside their rows: H2 moves
              // larger CLOB values to separate LOB storage (default above 256 bytes), which costs
              // a stream copy on every insert and read (seen in the load profile); larger values
              // still go to LOB storage
              s.execute("SET MAX_LENGTH_INPLACE_LOB 65536");
            }
            for (String sql : ddl) {
              s.execute(sql);
            }
          }
          return null;
        });
  }

  /** Nothing to release: the pooled data source belongs to whoever made it (the module wiring). */
  @Override
  public void close() {}
}
