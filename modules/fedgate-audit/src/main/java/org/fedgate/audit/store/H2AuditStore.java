package org.fedgate.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded default: an H2 file database. H2's MVStore does not sync its file at commit, so
 * {@link #makeDurable} forces it ({@code CHECKPOINT SYNC}); the log calls it once per group commit,
 * which is what makes durable appends affordable here.
 */
public final class H2AuditStore extends JdbcAuditStore {

  private final Connection keepOpen;

  private H2AuditStore(DataSource dataSource, Connection keepOpen) {
    super(dataSource);
    this.keepOpen = keepOpen;
  }

  /**
   * Opens (creating if needed) the database at a {@code jdbc:h2:file:} or {@code jdbc:h2:mem:} URL.
   */
  public static H2AuditStore open(String jdbcUrl, String user, String password) {
    JdbcDataSource ds = new JdbcDataSource();
    String url = jdbcUrl;
    // a gateway transaction may hold the head lock briefly; H2's 1 s default is too short
    if (!url.toUpperCase(java.util.Locale.ROOT).contains("LOCK_TIMEOUT")) {
      url = url + ";LOCK_TIMEOUT=10000";
    }
    ds.setURL(url);
    ds.setUser(user == null ? "sa" : user);
    ds.setPassword(password == null ? "" : password);
    return open(ds);
  }

  /**
   * Opens a store on an existing H2 data source (for example a pooled one shared with the gateway).
   */
  public static H2AuditStore open(DataSource ds) {
    try {
      // keep one session open so that the database (and its file lock) lives as long as the store
      Connection keep = ds.getConnection();
      H2AuditStore store = new H2AuditStore(ds, keep);
      store.migrate();
      return store;
    } catch (SQLException e) {
      throw unavailable("open H2 database", e);
    }
  }

  @Override
  public String kind() {
    return "h2";
  }

  /**
   * Locks the head row with an UPDATE that changes nothing, then reads it: the same row lock as
   * {@code SELECT ... FOR UPDATE}, but H2 re-parses a {@code FOR UPDATE} query every time (it never
   * caches one) and this runs once per audit transaction.
   */
  @Override
  public long lockHead(Connection tx) throws SQLException {
    try (PreparedStatement lock =
        tx.prepareStatement("UPDATE audit_log_head SET tree_size = tree_size WHERE id = 1")) {
      if (lock.executeUpdate() != 1) {
        throw new SQLException("audit_log_head row missing");
      }
    }
    try (PreparedStatement ps =
            tx.prepareStatement("SELECT tree_size FROM audit_log_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_log_head row missing");
      }
      return rs.getLong(1);
    }
  }

  @Override
  public void makeDurable(Connection tx) throws SQLException {
    try (Statement s = tx.createStatement()) {
      s.execute("CHECKPOINT SYNC");
    }
  }

  @Override
  public void close() {
    try {
      keepOpen.close();
    } catch (SQLException e) {
      // closing is best effort; the file is consistent after every commit
    }
  }
}
