package org.fedgate.audit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real PostgreSQL 17 server for the class; a fresh database per test. */
class PostgresAuditStoreTest extends AuditStoreContractTest {

  private static EmbeddedPostgres pg;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @BeforeAll
  static void startServer() throws IOException {
    pg = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    pg.close();
  }

  @Override
  protected AuditStore newStore() throws SQLException {
    String db = "audit_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    return AuditStores.open(pg.getJdbcUrl("postgres", db));
  }

  @Override
  protected void allowTampering(Statement s) throws SQLException {
    // a database owner can switch the append-only triggers off; the Merkle tree still catches it
    s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
    s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
  }
}
