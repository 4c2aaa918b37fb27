package org.fedgate.audit.store;

import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

class H2AuditStoreTest extends AuditStoreContractTest {

  @TempDir Path dir;

  @Override
  protected AuditStore newStore() {
    return AuditStores.open("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath());
  }

  @Override
  protected void allowTampering(Statement s) {
    // H2 has no append-only guard: the file's owner can write anything
  }
}
