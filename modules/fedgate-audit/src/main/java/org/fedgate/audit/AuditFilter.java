package org.fedgate.audit;

import java.time.Instant;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Operation;
import org.fedgate.model.audit.Outcome;

/**
 * Search criteria; a null component matches everything. The time range is half-open: {@code from}
 * inclusive, {@code to} exclusive.
 */
public record AuditFilter(
    Instant from,
    Instant to,
    AgencyId counterpart,
    String officerId,
    Purpose purpose,
    Operation operation,
    Outcome outcome,
    String messageId,
    String conversationId) {

  public static final AuditFilter ALL =
      new AuditFilter(null, null, null, null, null, null, null, null, null);

  public AuditFilter withTime(Instant newFrom, Instant newTo) {
    return new AuditFilter(
        newFrom,
        newTo,
        counterpart,
        officerId,
        purpose,
        operation,
        outcome,
        messageId,
        conversationId);
  }

  public AuditFilter withCounterpart(AgencyId value) {
    return new AuditFilter(
        from, to, value, officerId, purpose, operation, outcome, messageId, conversationId);
  }

  public AuditFilter withOfficer(String value) {
    return new AuditFilter(
        from, to, counterpart, value, purpose, operation, outcome, messageId, conversationId);
  }

  public AuditFilter withPurpose(Purpose value) {
    return new AuditFilter(
        from, to, counterpart, officerId, value, operation, outcome, messageId, conversationId);
  }

  public AuditFilter withOperation(Operation value) {
    return new AuditFilter(
        from, to, counterpart, officerId, purpose, value, outcome, messageId, conversationId);
  }

  public AuditFilter withOutcome(Outcome value) {
    return new AuditFilter(
        from, to, counterpart, officerId, purpose, operation, value, messageId, conversationId);
  }

  public AuditFilter withMessageId(String value) {
    return new AuditFilter(
        from, to, counterpart, officerId, purpose, operation, outcome, value, conversationId);
  }

  public AuditFilter withConversationId(String value) {
    return new AuditFilter(
        from, to, counterpart, officerId, purpose, operation, outcome, messageId, value);
  }
}
