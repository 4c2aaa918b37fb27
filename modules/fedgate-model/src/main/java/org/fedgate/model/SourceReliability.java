package org.fedgate.model;

/** Source reliability grading (4x4 / 5x5x5 style): A reliable, B mostly, C not, X cannot judge. */
public enum SourceReliability {
  A,
  B,
  C,
  X
}
