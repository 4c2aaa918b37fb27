package org.fedgate.audit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.StoredEntry;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * Reads the trail for reviewers: filtered, paginated by sequence number (keyset pagination, so
 * pages stay stable while the log grows). The gateway audits each read as {@code AUDIT_ACCESS}.
 */
public final class AuditQuery {
  public static final int MAX_PAGE = 1_000;
  private final AuditStore store;

  public AuditQuery(AuditStore store) {
    this.store = store;
  }

  /**
   * Entries matching {@code filter} with sequence numbers above {@code afterSequence} (use -1 for
   * the first page), at most {@code limit} (1..1000) of them, in sequence order.
   */
  public Page find(AuditFilter filter, long afterSequence, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new FedgateException(AuditError.INVALID_QUERY, "limit must be 1.." + MAX_PAGE);
    }
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      throw new FedgateException(AuditError.INVALID_QUERY, "from is after to");
    }
    if (afterSequence < -1) {
      throw new FedgateException(AuditError.INVALID_QUERY, "afterSequence must be >= -1");
    }
    List<StoredEntry> rows = store.find(filter, afterSequence, limit + 1);
    boolean more = rows.size() > limit;
    List<LoggedEntry> page = rows.stream().limit(limit).map(AuditQuery::toLogged).toList();
    return new Page(
        page, more ? OptionalLong.of(page.get(page.size() - 1).sequence()) : OptionalLong.empty());
  }

  /** One entry by sequence number. */
  public Optional<LoggedEntry> get(long sequence) {
    return store.entry(sequence).map(AuditQuery::toLogged);
  }

  static LoggedEntry toLogged(StoredEntry row) {
    return new LoggedEntry(row.sequence(), EntryJson.parse(row.json()), Hex.encode(row.leafHash()));
  }
}
