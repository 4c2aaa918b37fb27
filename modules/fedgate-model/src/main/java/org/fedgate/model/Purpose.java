package org.fedgate.model;

/** The purpose for which personal data is disclosed or requested. */
public enum Purpose {
  INVESTIGATION,
  PROSECUTION,
  VICTIM_IDENTIFICATION,
  VICTIM_PROTECTION,
  INTELLIGENCE
}
