package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a translation read, as (container, field name or index) pairs. Containers are compared by
 * identity: leaf nodes cannot be (Jackson shares instances of small values), containers can.
 */
final class Consumed {
  private final IdentityHashMap<JsonNode, Set<Object>> byParent = new IdentityHashMap<>();

  void add(JsonNode parent, Object key) {
    if (parent != null) {
      byParent.computeIfAbsent(parent, p -> new HashSet<>(8)).add(key);
    }
  }

  void add(PathOps.Match m) {
    add(m.parent, m.key);
    for (int i = 0; i < m.keyRefs.length; i += 2) {
      add((JsonNode) m.keyRefs[i], m.keyRefs[i + 1]);
    }
  }

  boolean contains(JsonNode parent, Object key) {
    Set<Object> keys = byParent.get(parent);
    return keys != null && keys.contains(key);
  }

  Set<Object> keysOf(JsonNode parent) {
    return byParent.get(parent);
  }
}
