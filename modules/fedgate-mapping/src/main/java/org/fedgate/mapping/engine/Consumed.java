package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * What a translation read, as (container, field name or index) pairs. Containers are compared by
 * identity: leaf nodes cannot be (Jackson shares instances of small values), containers can.
 */
final class Consumed {
  // per container a short list of keys: containers hold a few dozen fields at most, and a scan
  // of interned names is cheaper than hashing
  private final IdentityHashMap<JsonNode, List<Object>> byParent = new IdentityHashMap<>(64);

  void add(JsonNode parent, Object key) {
    if (parent != null) {
      List<Object> keys = byParent.get(parent);
      if (keys == null) {
        keys = new ArrayList<>(4);
        byParent.put(parent, keys);
      } else if (hasSame(keys, key)) {
        // each rule reads the same containers again (every person rule reads /persons and the
        // person): keeping the lists free of repeats keeps the unmapped walk's look-ups short.
        // Identity is enough for that (names are interned, small indexes are cached boxes); a
        // repeat that slips through costs a slot, never a wrong answer.
        return;
      }
      keys.add(key);
    }
  }

  void add(PathOps.Match m) {
    // the value itself: rules read distinct places, so no repeat check (a repeat is harmless)
    if (m.parent != null) {
      List<Object> keys = byParent.get(m.parent);
      if (keys == null) {
        keys = new ArrayList<>(4);
        byParent.put(m.parent, keys);
      }
      keys.add(m.key);
    }
    // selector keys: every rule through the same selected item reads them again
    for (int i = 0; i < m.keyRefs.length; i += 2) {
      add((JsonNode) m.keyRefs[i], m.keyRefs[i + 1]);
    }
  }

  boolean contains(JsonNode parent, Object key) {
    List<Object> keys = byParent.get(parent);
    return keys != null && has(keys, key);
  }

  /**
   * Whether {@code keys} holds {@code key}. Field names are mostly the same interned instances
   * (Jackson interns parsed names, mapping paths intern theirs), so identity is tried first.
   */
  static boolean has(List<Object> keys, Object key) {
    for (int i = 0, n = keys.size(); i < n; i++) {
      if (keys.get(i) == key) {
        return true;
      }
    }
    return keys.contains(key);
  }

  private static boolean hasSame(List<Object> keys, Object key) {
    for (int i = 0, n = keys.size(); i < n; i++) {
      if (keys.get(i) == key) {
        return true;
      }
    }
    return false;
  }

  List<Object> keysOf(JsonNode parent) {
    return byParent.get(parent);
  }
}
