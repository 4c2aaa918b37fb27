package org.fedgate.policy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.policy.FieldDecision;

/**
 * The concrete JSON Pointers that walks report, built once per canonical schema node and array
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
final class Pointers {

  static final int MAX_INDEX = 64;
  static final int MAX_POINTERS = 1 << 14;

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final Pointers ROOT = new Pointers("", CanonicalSchema.get().root());

  final String pointer;
  final CanonicalSchema.Node schema;
  // the children of properties, by the slot of their name in the schema node's table (so that one
  // probe of that table finds both the schema child and its pointer); null without properties
  private final Pointers[] properties;
  // grown on demand up to MAX_INDEX (most arrays hold a few items): a small table keeps the
  // pointers of a record close together in memory. Volatile, so that a grown table is seen whole;
  // two threads growing it at once may lose an entry, which is built again (equal) next time.
  private volatile Pointers[] items;
  private FieldDecision decision;

  private Pointers(String pointer, CanonicalSchema.Node schema) {
    this.pointer = pointer;
    this.schema = schema;
    this.properties = schema.propertyCount() == 0 ? null : new Pointers[schema.slotCount()];
    this.items = schema.items == null ? null : new Pointers[4];
  }

  static Pointers root() {
    return ROOT;
  }

  /**
   * The pointer of a property of this node ({@code child} is this node's schema child), or null.
   */
  Pointers property(CanonicalSchema.Node child, String name) {
    if (properties == null || child.parent != schema) {
      return null;
    }
    int slot = schema.slot(name);
    return slot < 0 || schema.nodeAt(slot) != child ? null : property(slot, name);
  }

  /**
   * The pointer of the property in {@code slot} of this node's schema node (see {@link
   * CanonicalSchema.Node#slot}, which the caller asked of this node's own schema node), or null
   * past the limits.
   */
  Pointers property(int slot, String name) {
    Pointers[] t = properties;
    Pointers p = t[slot];
    return p != null ? p : newProperty(t, slot, name);
  }

  // the first visit of a position, apart so that the lookup above stays small enough for the JIT
  // to inline it into the walk's loop
  private Pointers newProperty(Pointers[] t, int slot, String name) {
    if (COUNT.incrementAndGet() > MAX_POINTERS) {
      return null;
    }
    Pointers p = new Pointers(pointer + "/" + escape(name), schema.nodeAt(slot));
    t[slot] = p;
    return p;
  }

  /** The pointer of an array item of this node, or null past the limits. */
  Pointers item(int index) {
    Pointers[] t = items;
    if (t == null || index < 0 || index >= MAX_INDEX) {
      return null;
    }
    if (index >= t.length) {
      t = Arrays.copyOf(t, Math.min(MAX_INDEX, Math.max(index + 1, t.length * 2)));
      items = t;
    }
    Pointers p = t[index];
    return p != null ? p : newItem(t, index);
  }

  private Pointers newItem(Pointers[] t, int index) {
    if (COUNT.incrementAndGet() > MAX_POINTERS) {
      return null;
    }
    Pointers p = new Pointers(pointer + "/" + index, schema.items);
    t[index] = p;
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
