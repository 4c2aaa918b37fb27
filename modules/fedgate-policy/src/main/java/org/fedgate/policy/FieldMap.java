package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of one object of a minimised record, in insertion order, in one array (name, value,
 * name, value, ...: one allocation per object, and a member's name beside its value). Jackson's
 * {@code ObjectNode} accepts any map; the default {@code LinkedHashMap} costs a table and an entry
 * object per member, which made building the output the largest single cost of minimisation. A
 * minimised object has at most the members its schema node has (a few dozen), so a linear scan
 * finds a name as fast as a hash. It behaves like a {@code LinkedHashMap} in insertion order:
 * replacing a value keeps the member's position, removing one closes the gap.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {

  // names at even positions, their values at the odd position after; size counts members
  private Object[] members;
  private int size;
  private int modCount;
  private Set<Map.Entry<String, JsonNode>> entries;

  FieldMap(int capacity) {
    members = new Object[2 * Math.max(capacity, 2)];
  }

  private String key(int i) {
    return (String) members[2 * i];
  }

  private JsonNode value(int i) {
    return (JsonNode) members[2 * i + 1];
  }

  private int indexOf(Object key) {
    Object[] m = members;
    for (int i = 0; i < size; i++) {
      if (Objects.equals(m[2 * i], key)) {
        return i;
      }
    }
    return -1;
  }

  /** Adds a member the map does not have yet (the caller knows: input names are unique). */
  void append(String key, JsonNode value) {
    Object[] m = members;
    int at = 2 * size;
    if (at == m.length) {
      m = members = Arrays.copyOf(m, m.length * 2);
    }
    m[at] = key;
    m[at + 1] = value;
    size++;
    modCount++;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : value(i);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = value(i);
      members[2 * i + 1] = value;
      return old;
    }
    append(key, value);
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = value(i);
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    int tail = size - i - 1;
    if (tail > 0) {
      System.arraycopy(members, 2 * (i + 1), members, 2 * i, 2 * tail);
    }
    size--;
    members[2 * size] = null;
    members[2 * size + 1] = null;
    modCount++;
  }

  @Override
  public void clear() {
    Arrays.fill(members, 0, 2 * size, null);
    size = 0;
    modCount++;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    Set<Map.Entry<String, JsonNode>> e = entries;
    if (e == null) {
      e = entries = new Entries();
    }
    return e;
  }

  private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {

    @Override
    public int size() {
      return size;
    }

    @Override
    public void clear() {
      FieldMap.this.clear();
    }

    @Override
    public Iterator<Map.Entry<String, JsonNode>> iterator() {
      return new Iterator<>() {
        private int next;
        private int last = -1;
        private int expected = modCount;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
          if (modCount != expected) {
            throw new ConcurrentModificationException();
          }
          if (next >= size) {
            throw new NoSuchElementException();
          }
          last = next++;
          return new Member(last);
        }

        @Override
        public void remove() {
          if (last < 0) {
            throw new IllegalStateException();
          }
          if (modCount != expected) {
            throw new ConcurrentModificationException();
          }
          removeAt(last);
          next = last;
          last = -1;
          expected = modCount;
        }
      };
    }
  }

  /**
   * An entry that reads and writes through to the map, like a LinkedHashMap's (found again by its
   * name if members moved; once removed it keeps its last value).
   */
  private final class Member implements Map.Entry<String, JsonNode> {

    private final String key;
    private int index;
    private JsonNode value;

    Member(int index) {
      this.key = key(index);
      this.index = index;
      this.value = value(index);
    }

    private int locate() {
      int i = index;
      if (i < 0 || i >= size || key(i) != key) {
        i = index = indexOf(key);
      }
      return i;
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    public JsonNode getValue() {
      int i = locate();
      if (i >= 0) {
        value = value(i);
      }
      return value;
    }

    @Override
    public JsonNode setValue(JsonNode v) {
      JsonNode old = getValue();
      int i = locate();
      if (i >= 0) {
        members[2 * i + 1] = v;
      }
      value = v;
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e
          && Objects.equals(key, e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
