package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
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
 *
 * <p>It implements {@code Map} itself rather than extending {@code AbstractMap}, whose two cached
 * view fields would make each of the hundred or so maps of a record 8 bytes larger; the views are
 * made on demand instead (each is a fresh view of the same members).
 */
final class FieldMap implements Map<String, JsonNode> {

  // names at even positions, their values at the odd position after; size counts members
  private Object[] members;
  private int size;
  private int modCount;

  FieldMap(int capacity) {
    members = new Object[2 * Math.max(capacity, 2)];
  }

  private FieldMap(Object[] members, int size) {
    this.members = members;
    this.size = size;
  }

  /**
   * A map of the {@code count} members at {@code from} in {@code src} (name, value, ...), with room
   * for {@code spare} more: the walk collects an object's members on a stack and makes its map only
   * once it knows how many there are.
   */
  static FieldMap copyOf(Object[] src, int from, int count, int spare) {
    Object[] m;
    if (spare == 0) {
      // copyOfRange allocates and copies in one step (no zeroing first, one barrier pass)
      m = Arrays.copyOfRange(src, from, from + 2 * count);
    } else {
      m = new Object[2 * (count + spare)];
      System.arraycopy(src, from, m, 0, 2 * count);
    }
    return new FieldMap(m, count);
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
      m = members = Arrays.copyOf(m, Math.max(4, m.length * 2));
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
  public boolean containsValue(Object value) {
    for (int i = 0; i < size; i++) {
      if (Objects.equals(value(i), value)) {
        return true;
      }
    }
    return false;
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

  @Override
  public void putAll(Map<? extends String, ? extends JsonNode> m) {
    for (Map.Entry<? extends String, ? extends JsonNode> e : m.entrySet()) {
      put(e.getKey(), e.getValue());
    }
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
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public boolean contains(Object o) {
        return containsKey(o);
      }

      @Override
      public void clear() {
        FieldMap.this.clear();
      }

      @Override
      public Iterator<String> iterator() {
        return new Cursor<>() {
          @Override
          String at(int i) {
            return key(i);
          }
        };
      }
    };
  }

  @Override
  public Collection<JsonNode> values() {
    return new AbstractCollection<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public boolean contains(Object o) {
        return containsValue(o);
      }

      @Override
      public void clear() {
        FieldMap.this.clear();
      }

      @Override
      public Iterator<JsonNode> iterator() {
        return new Cursor<>() {
          @Override
          JsonNode at(int i) {
            return value(i);
          }
        };
      }
    };
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
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
        return new Cursor<>() {
          @Override
          Map.Entry<String, JsonNode> at(int i) {
            return new Member(i);
          }
        };
      }
    };
  }

  /** Map equality as {@code AbstractMap} defines it (so a LinkedHashMap compares equal). */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Map<?, ?> m) || m.size() != size) {
      return false;
    }
    try {
      for (int i = 0; i < size; i++) {
        JsonNode v = value(i);
        String k = key(i);
        if (v == null) {
          if (!(m.get(k) == null && m.containsKey(k))) {
            return false;
          }
        } else if (!v.equals(m.get(k))) {
          return false;
        }
      }
    } catch (ClassCastException | NullPointerException e) {
      return false;
    }
    return true;
  }

  /** The sum of the members' entry hash codes, as {@code Map} defines it. */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += Objects.hashCode(key(i)) ^ Objects.hashCode(value(i));
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(key(i)).append('=').append(value(i));
    }
    return b.append('}').toString();
  }

  /** An iterator over the members in order, fail-fast like a LinkedHashMap's, that can remove. */
  private abstract class Cursor<T> implements Iterator<T> {
    private int next;
    private int last = -1;
    private int expected = modCount;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public T next() {
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return at(last);
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
