package org.fedgate.model;

/** Europol-style handling codes stamped on what flows. */
public enum HandlingCode {
  /** Use only to prevent and combat crime. */
  H0,
  /** Not for judicial proceedings without the provider's permission. */
  H1,
  /** No onward dissemination without permission. */
  H2,
  /** Other restrictions, stated in the agreement. */
  H3
}
