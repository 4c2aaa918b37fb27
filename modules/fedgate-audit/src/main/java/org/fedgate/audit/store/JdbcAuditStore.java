package org.fedgate.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fedgate.audit.AuditFilter;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import org.flywaydb.core.Flyway;

/** The SQL shared by both stores; subclasses differ in migrations, durability and upserts. */
public abstract class JdbcAuditStore implements AuditStore {

  private static final String ENTRY_COLUMNS =
      "seq, event_time, operation, outcome, actor_agency, officer_id, counterpart, purpose,"
          + " message_id, conversation_id, entry_json, leaf_hash";

  private final DataSource dataSource;

  protected JdbcAuditStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Applies this store's migrations; its history table is separate from the gateway's. */
  protected void migrate() {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/audit/" + kind())
          .table("audit_schema_history")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new FedgateException(AuditError.STORE_UNAVAILABLE, "migration failed", e);
    }
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public long lockHead(Connection tx) throws SQLException {
    try (PreparedStatement ps =
            tx.prepareStatement("SELECT tree_size FROM audit_log_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_log_head row missing");
      }
      return rs.getLong(1);
    }
  }

  @Override
  public void insertEntries(Connection tx, List<StoredEntry> rows) throws SQLException {
    try (PreparedStatement ps =
        tx.prepareStatement(
            "INSERT INTO audit_entry (" + ENTRY_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (StoredEntry row : rows) {
        IndexColumns c = row.columns();
        ps.setLong(1, row.sequence());
        ps.setObject(2, OffsetDateTime.ofInstant(c.eventTime(), ZoneOffset.UTC));
        ps.setString(3, c.operation());
        ps.setString(4, c.outcome());
        ps.setString(5, c.actorAgency());
        setNullable(ps, 6, c.officerId());
        setNullable(ps, 7, c.counterpart());
        setNullable(ps, 8, c.purpose());
        setNullable(ps, 9, c.messageId());
        setNullable(ps, 10, c.conversationId());
        ps.setString(11, row.json());
        ps.setBytes(12, row.leafHash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public void setHead(Connection tx, long treeSize) throws SQLException {
    try (PreparedStatement ps =
        tx.prepareStatement("UPDATE audit_log_head SET tree_size = ? WHERE id = 1")) {
      ps.setLong(1, treeSize);
      ps.executeUpdate();
    }
  }

  @Override
  public long size() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT tree_size FROM audit_log_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    } catch (SQLException e) {
      throw unavailable("read head", e);
    }
  }

  @Override
  public void leafHashes(long from, long to, Consumer<byte[]> sink) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT leaf_hash FROM audit_entry WHERE seq >= ? AND seq < ? ORDER BY seq")) {
        ps.setFetchSize(10_000);
        ps.setLong(1, from);
        ps.setLong(2, to);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(rs.getBytes(1));
          }
        }
      } finally {
        c.commit();
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw unavailable("read leaf hashes", e);
    }
  }

  @Override
  public void scan(long from, Consumer<StoredEntry> sink) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT " + ENTRY_COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq")) {
        ps.setFetchSize(5_000);
        ps.setLong(1, from);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(readEntry(rs));
          }
        }
      } finally {
        c.commit();
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw unavailable("scan entries", e);
    }
  }

  @Override
  public Optional<StoredEntry> entry(long sequence) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM audit_entry WHERE seq = ?")) {
      ps.setLong(1, sequence);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readEntry(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable("read entry", e);
    }
  }

  @Override
  public List<StoredEntry> find(AuditFilter f, long afterSequence, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM audit_entry WHERE seq > ?");
    List<Object> args = new ArrayList<>();
    args.add(afterSequence);
    if (f.from() != null) {
      sql.append(" AND event_time >= ?");
      args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
    }
    if (f.to() != null) {
      sql.append(" AND event_time < ?");
      args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
    }
    condition(sql, args, "counterpart", f.counterpart() == null ? null : f.counterpart().value());
    condition(sql, args, "officer_id", f.officerId());
    condition(sql, args, "purpose", f.purpose() == null ? null : f.purpose().name());
    condition(sql, args, "operation", f.operation() == null ? null : f.operation().name());
    condition(sql, args, "outcome", f.outcome() == null ? null : f.outcome().name());
    condition(sql, args, "message_id", f.messageId());
    condition(sql, args, "conversation_id", f.conversationId());
    sql.append(" ORDER BY seq LIMIT ?");
    args.add(limit);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<StoredEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readEntry(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw unavailable("query entries", e);
    }
  }

  @Override
  public void insertCheckpoint(StoredCheckpoint cp, byte[] certificateDer) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (certificateDer != null && !keyKnown(c, cp.keyId())) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_signing_key (key_id, certificate) VALUES (?, ?)")) {
            ps.setString(1, cp.keyId());
            ps.setBytes(2, certificateDer);
            ps.executeUpdate();
          }
        }
        if (!checkpointExists(c, cp.treeSize())) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_checkpoint (tree_size, origin, root_hash, issued_at,"
                      + " algorithm, key_id, signature) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, cp.treeSize());
            ps.setString(2, cp.origin());
            ps.setString(3, cp.rootHash());
            ps.setObject(4, OffsetDateTime.ofInstant(cp.timestamp(), ZoneOffset.UTC));
            ps.setString(5, cp.algorithm());
            ps.setString(6, cp.keyId());
            ps.setString(7, cp.signature());
            ps.executeUpdate();
          }
        }
        c.commit();
        makeDurable(c);
      } catch (SQLException e) {
        c.rollback();
        // another writer may have stored the same size (or key) concurrently: that is fine
        if (!checkpointExists(c, cp.treeSize())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw unavailable("store checkpoint", e);
    }
  }

  private static boolean keyKnown(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM audit_signing_key WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean checkpointExists(Connection c, long size) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM audit_checkpoint WHERE tree_size = ?")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public List<StoredCheckpoint> checkpoints(long fromSize, long toSize, int limit) {
    return readCheckpoints(
        "SELECT tree_size, origin, root_hash, issued_at, algorithm, key_id, signature"
            + " FROM audit_checkpoint WHERE tree_size >= ? AND tree_size <= ? ORDER BY tree_size"
            + " LIMIT "
            + Math.max(0, limit),
        fromSize,
        toSize);
  }

  @Override
  public List<StoredCheckpoint> checkpointsIssued(
      Instant from, Instant to, long belowSize, int max) {
    StringBuilder where = new StringBuilder("tree_size < ?");
    List<Object> args = new ArrayList<>();
    args.add(belowSize);
    if (from != null) {
      where.append(" AND issued_at >= ?");
      args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    }
    if (to != null) {
      where.append(" AND issued_at < ?");
      args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
    // every k-th of the n matching rows, k = ceil(n / max): at most max rows, evenly spread
    String sql =
        "SELECT tree_size, origin, root_hash, issued_at, algorithm, key_id, signature FROM ("
            + " SELECT c.*, ROW_NUMBER() OVER (ORDER BY tree_size) AS rn,"
            + " COUNT(*) OVER () AS cnt FROM audit_checkpoint c WHERE "
            + where
            + ") x WHERE MOD(rn - 1, GREATEST(1, (cnt + ? - 1) / ?)) = 0 ORDER BY tree_size";
    args.add((long) max);
    args.add((long) max);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return readCheckpointRows(rs);
      }
    } catch (SQLException e) {
      throw unavailable("read checkpoints", e);
    }
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return readCheckpoints(
            "SELECT tree_size, origin, root_hash, issued_at, algorithm, key_id, signature"
                + " FROM audit_checkpoint WHERE tree_size >= ? AND tree_size <= ?"
                + " ORDER BY tree_size DESC LIMIT 1",
            0,
            Long.MAX_VALUE)
        .stream()
        .findFirst();
  }

  private List<StoredCheckpoint> readCheckpoints(String sql, long a, long b) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, a);
      ps.setLong(2, b);
      try (ResultSet rs = ps.executeQuery()) {
        return readCheckpointRows(rs);
      }
    } catch (SQLException e) {
      throw unavailable("read checkpoints", e);
    }
  }

  private static List<StoredCheckpoint> readCheckpointRows(ResultSet rs) throws SQLException {
    List<StoredCheckpoint> out = new ArrayList<>();
    while (rs.next()) {
      out.add(
          new StoredCheckpoint(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3).trim(),
              rs.getObject(4, OffsetDateTime.class).toInstant(),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7)));
    }
    return out;
  }

  @Override
  public Map<String, byte[]> signingCertificates() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT key_id, certificate FROM audit_signing_key");
        ResultSet rs = ps.executeQuery()) {
      Map<String, byte[]> out = new HashMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getBytes(2));
      }
      return out;
    } catch (SQLException e) {
      throw unavailable("read signing keys", e);
    }
  }

  private static StoredEntry readEntry(ResultSet rs) throws SQLException {
    Instant time = rs.getObject(2, OffsetDateTime.class).toInstant();
    IndexColumns columns =
        new IndexColumns(
            time,
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10));
    return new StoredEntry(rs.getLong(1), rs.getString(11), rs.getBytes(12), columns);
  }

  private static void condition(StringBuilder sql, List<Object> args, String column, String v) {
    if (v != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(v);
    }
  }

  private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  /** Store failures carry no SQL text or values: only what was being done. */
  protected static FedgateException unavailable(String what, SQLException e) {
    return new FedgateException(AuditError.STORE_UNAVAILABLE, what, e);
  }
}
