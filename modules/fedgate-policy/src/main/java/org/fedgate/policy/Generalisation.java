package org.fedgate.policy;

/** How a GENERALISE rule coarsens a field. */
public enum Generalisation {
  /** A date to its year. */
  YEAR,
  /** A birth date to the CTDC age band of the person today (written to {@code ageBand}). */
  AGE_BAND,
  /** An address to its first-level admin area and country. */
  ADMIN_AREA,
  /** An address to its country. */
  COUNTRY,
  /** A phone number to its international calling code. */
  COUNTRY_CODE
}
