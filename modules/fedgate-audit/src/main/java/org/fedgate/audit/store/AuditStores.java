package org.fedgate.audit.store;

import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/** Opens the right store for a JDBC URL. */
public final class AuditStores {

  private AuditStores() {}

  /**
   * Opens {@code jdbc:h2:file:...} (or {@code jdbc:h2:mem:...} for tests) or {@code
   * jdbc:postgresql://...}, applying migrations. User and password may be null (H2 defaults to
   * {@code sa}; PostgreSQL may take them from the URL).
   */
  public static AuditStore open(String jdbcUrl, String user, String password) {
    if (jdbcUrl == null) {
      throw new FedgateException(AuditError.UNSUPPORTED_STORE, "no JDBC URL");
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2AuditStore.open(jdbcUrl, user, password);
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return PostgresAuditStore.open(jdbcUrl, user, password);
    }
    throw new FedgateException(
        AuditError.UNSUPPORTED_STORE, "expected jdbc:h2: or jdbc:postgresql:");
  }

  public static AuditStore open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }
}
