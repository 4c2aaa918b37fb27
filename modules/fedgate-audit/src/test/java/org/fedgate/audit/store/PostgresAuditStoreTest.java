package org.fedgate.audit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real PostgreSQL 17 server and one database for the class; each test starts from an empty log
 * (tables emptied, append-only triggers back on), which is much quicker than a new database.
 */
class PostgresAuditStoreTest extends AuditStoreContractTest {

  private static EmbeddedPostgres pg;
  private static String url;

  @BeforeAll
  static void startServer() throws IOException, SQLException {
    pg = EmbeddedPostgres.start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE audit_contract");
    }
    url = pg.getJdbcUrl("postgres", "audit_contract");
  }

  @AfterAll
  static void stopServer() throws IOException {
    pg.close();
  }

  @Override
  protected AuditStore newStore() throws SQLException {
    AuditStore store = AuditStores.open(url);
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
      s.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER USER");
      s.execute("TRUNCATE audit_entry, audit_checkpoint, audit_signing_key");
      s.execute("UPDATE audit_log_head SET tree_size = 0");
      s.execute("DROP TABLE IF EXISTS test_outbox");
    }
    return store;
  }

  @Override
  protected void allowTampering(Statement s) throws SQLException {
    // a database owner can switch the append-only triggers off; the Merkle tree still catches it
    s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
    s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
  }
}
