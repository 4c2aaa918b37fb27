package org.fedgate.gateway.backend;

import java.util.Optional;

/**
 * The agency's national case-management system as the gateway sees it: it receives translated
 * records (idempotently, keyed by message id) and answers record queries from partners.
 */
public interface NationalBackend {

  /**
   * Delivers a record in the national format. Must be idempotent: the message id travels as the
   * idempotency key, so a redelivery after a lost answer never creates a second record.
   */
  void deliver(Delivery delivery);

  /** Looks up the national record of a case, if the back end has it. */
  Optional<byte[]> fetchCase(String caseReference);

  /** Whether the back end is configured at all (INBOX mode has none). */
  boolean configured();

  /** A record to deliver, with its envelope's ids (no personal data outside {@code body}). */
  record Delivery(
      String messageId,
      String conversationId,
      String sender,
      String messageType,
      String purpose,
      String mediaType,
      byte[] body) {}
}
