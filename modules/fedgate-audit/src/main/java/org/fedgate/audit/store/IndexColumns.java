package org.fedgate.audit.store;

import java.time.Instant;
import org.fedgate.model.audit.AuditEntry;

/**
 * The searchable columns copied out of an entry's JSON. The JSON is what the Merkle tree covers;
 * the verifier checks that these copies still match it, so a query cannot be misled by an edited
 * column.
 */
public record IndexColumns(
    Instant eventTime,
    String operation,
    String outcome,
    String actorAgency,
    String officerId,
    String counterpart,
    String purpose,
    String messageId,
    String conversationId) {

  public static IndexColumns of(AuditEntry e) {
    return new IndexColumns(
        e.timestamp(),
        e.operation().name(),
        e.outcome().name(),
        e.actor().agency().value(),
        e.actor().officerId(),
        e.counterpart() == null ? null : e.counterpart().value(),
        e.purpose() == null ? null : e.purpose().name(),
        e.messageId(),
        e.conversationId());
  }
}
