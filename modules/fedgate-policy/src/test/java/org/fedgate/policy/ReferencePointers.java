package org.fedgate.policy;

import java.util.concurrent.atomic.AtomicInteger;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.policy.FieldDecision;

/**
 * FROZEN copy of {@code Pointers} (commit c2340d7) for {@link ReferenceWalk}; see there.
 *
 * <p>The concrete JSON Pointers that walks report, built once per canonical schema node and array
 * position and shared by every walk and thread, so that reporting a leaf allocates nothing once a
 * record of that shape has been seen. Each pointer also keeps the last report entry made for it,
 * which the next walk reuses when it decides the same (the same record under the same agreement).
 *
 * <p>Only paths the schema has are cached (unknown field names never reach here), array positions
 * up to {@link #MAX_INDEX} and at most {@link #MAX_POINTERS} pointers in all; anything beyond is
 * built per walk as before. The tables are filled without locks: every cached object has only final
 * fields (a {@link FieldDecision} is a record), so a thread that reads a reference another thread
 * wrote sees it complete (JLS 17.5); a race costs at most a duplicate, equal object.
 */
final class ReferencePointers {

  static final int MAX_INDEX = 64;
  static final int MAX_POINTERS = 1 << 14;

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ReferencePointers ROOT =
      new ReferencePointers("", CanonicalSchema.get().root());

  final String pointer;
  final CanonicalSchema.Node schema;
  private final ReferencePointers[] properties;
  private final ReferencePointers[] items;
  private FieldDecision decision;

  private ReferencePointers(String pointer, CanonicalSchema.Node schema) {
    this.pointer = pointer;
    this.schema = schema;
    this.properties =
        schema.propertyCount() == 0 ? null : new ReferencePointers[schema.propertyCount()];
    this.items = schema.items == null ? null : new ReferencePointers[MAX_INDEX];
  }

  static ReferencePointers root() {
    return ROOT;
  }

  /**
   * The pointer of a property of this node ({@code child} is this node's schema child), or null.
   */
  ReferencePointers property(CanonicalSchema.Node child, String name) {
    ReferencePointers[] t = properties;
    if (t == null || child.parent != schema) {
      return null;
    }
    ReferencePointers p = t[child.ordinal];
    if (p == null && COUNT.incrementAndGet() <= MAX_POINTERS) {
      p = new ReferencePointers(pointer + "/" + escape(name), child);
      t[child.ordinal] = p;
    }
    return p;
  }

  /** The pointer of an array item of this node, or null past the limits. */
  ReferencePointers item(int index) {
    ReferencePointers[] t = items;
    if (t == null || index < 0 || index >= MAX_INDEX) {
      return null;
    }
    ReferencePointers p = t[index];
    if (p == null && COUNT.incrementAndGet() <= MAX_POINTERS) {
      p = new ReferencePointers(pointer + "/" + index, schema.items);
      t[index] = p;
    }
    return p;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** The report entry for this pointer, reused when the last one said the same. */
  FieldDecision decision(FieldAction action, String ruleId) {
    FieldDecision d = decision;
    if (d != null && d.action() == action && d.ruleId().equals(ruleId)) {
      return d;
    }
    d = new FieldDecision(pointer, schema.path, action, ruleId);
    decision = d;
    return d;
  }
}
