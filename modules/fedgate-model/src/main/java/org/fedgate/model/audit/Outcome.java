package org.fedgate.model.audit;

/** How an audited operation ended. */
public enum Outcome {
  /** The operation completed. */
  SUCCESS,
  /** The operation was refused by a rule (policy, trust, validation); see the error code. */
  REJECTED,
  /** The operation failed for a technical reason; see the error code. */
  FAILED
}
