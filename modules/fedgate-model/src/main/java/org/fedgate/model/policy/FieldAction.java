package org.fedgate.model.policy;

/** What data minimisation did with one field of a canonical record. */
public enum FieldAction {
  /** Released as it was. */
  RELEASE,
  /** Released in a coarser form (year, age band, admin area, country, calling code). */
  GENERALISE,
  /** Replaced by a keyed pseudonym, stable within one agreement. */
  PSEUDONYMISE,
  /** Not released. */
  WITHHOLD
}
