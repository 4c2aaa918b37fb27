package org.fedgate.mapping.engine;

import org.fedgate.mapping.transform.Transform;

/**
 * One line of a mapping: a national path, a canonical path, an optional transform (which may be a
 * code list) and the directions it applies in.
 */
public record Rule(
    MappingPath national, MappingPath canonical, Transform transform, Direction direction) {

  /** Directions a rule applies in. */
  public enum Direction {
    /** National to canonical and back. */
    BOTH,
    /** Only national to canonical: a value derived from national input (e.g. mononym flag). */
    TO_CANONICAL,
    /** Only canonical to national. */
    TO_NATIONAL;

    boolean forward() {
      return this != TO_NATIONAL;
    }

    boolean backward() {
      return this != TO_CANONICAL;
    }
  }

  public Rule {
    if (national.wildcards() != canonical.wildcards()) {
      throw new IllegalArgumentException(
          "rule " + national + " -> " + canonical + ": both sides need the same number of *");
    }
  }
}
