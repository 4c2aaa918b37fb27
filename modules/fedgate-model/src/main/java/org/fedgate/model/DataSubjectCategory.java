package org.fedgate.model;

/**
 * Categories of data subject, kept distinct as the EU Law Enforcement Directive (2016/680) Art. 6
 * asks.
 */
public enum DataSubjectCategory {
  SUSPECT,
  CONVICTED,
  VICTIM,
  POTENTIAL_VICTIM,
  WITNESS,
  CONTACT
}
