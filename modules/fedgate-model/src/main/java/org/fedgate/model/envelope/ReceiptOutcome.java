package org.fedgate.model.envelope;

/** Whether the receiving gateway accepted an envelope. */
public enum ReceiptOutcome {
  ACCEPTED,
  REJECTED
}
