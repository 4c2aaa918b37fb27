package org.fedgate.audit.store;

import java.sql.Connection;
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
  public void makeDurable(Connection tx) {
    // synchronous_commit (default on) already flushed the WAL at commit
  }

  @Override
  public void close() {
    // the data source owns no resources here; a pooled one is closed by its owner
  }
}
