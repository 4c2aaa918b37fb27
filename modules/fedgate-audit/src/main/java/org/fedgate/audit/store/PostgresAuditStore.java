package org.fedgate.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL: for production, several gateway replicas share one database. Commits are durable when
 * PostgreSQL's {@code synchronous_commit} is on (its default), so {@link #makeDurable} has nothing
 * to add.
 */
public final class PostgresAuditStore extends JdbcAuditStore {

  private PostgresAuditStore(DataSource dataSource) {
    super(dataSource);
  }

  /** Opens the store at a {@code jdbc:postgresql://} URL. */
  public static PostgresAuditStore open(String jdbcUrl, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    return open(ds);
  }

  /** Opens a store on an existing (ideally pooled) PostgreSQL data source. */
  public static PostgresAuditStore open(DataSource ds) {
    PostgresAuditStore store = new PostgresAuditStore(ds);
    store.migrate();
    return store;
  }

  @Override
  public String kind() {
    return "postgresql";
  }

  @Override
  public long lockHead(Connection tx) throws SQLException {
    try (Statement s = tx.createStatement()) {
      s.execute("SET LOCAL synchronous_commit TO on");
    }
    return super.lockHead(tx);
  }

  @Override
  public void makeDurable(Connection tx) {
    // the appending transaction committed with synchronous_commit on: the WAL is already flushed
  }

  @Override
  public void close() {
    // the data source owns no resources here; a pooled one is closed by its owner
  }
}
