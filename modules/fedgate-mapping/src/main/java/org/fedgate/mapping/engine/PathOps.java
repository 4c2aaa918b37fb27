package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.fedgate.mapping.engine.MappingPath.Kind;
import org.fedgate.mapping.engine.MappingPath.Segment;

/** Reads and writes trees along {@link MappingPath}s, binding {@code *} steps to indexes. */
final class PathOps {

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  private PathOps() {}

  /**
   * A value found at a path: the node, the indexes its {@code *} steps bound, where it sits (its
   * parent container and field name or index), the steps from the root, and the selector keys read
   * on the way (item and field name pairs; they count as consumed). The JSON Pointer is built only
   * when asked for, because most matches never need it.
   */
  static final class Match {
    final JsonNode value;
    final int[] bindings;
    final JsonNode parent;
    final Object key;
    private final Object[] steps;
    final Object[] keyRefs;
    private String pointer;

    Match(
        JsonNode value,
        int[] bindings,
        JsonNode parent,
        Object key,
        Object[] steps,
        Object[] keyRefs) {
      this.value = value;
      this.bindings = bindings;
      this.parent = parent;
      this.key = key;
      this.steps = steps;
      this.keyRefs = keyRefs;
    }

    JsonNode value() {
      return value;
    }

    int[] bindings() {
      return bindings;
    }

    String pointer() {
      if (pointer == null) {
        pointer = pointerOf(steps, steps.length);
      }
      return pointer;
    }
  }

  static String pointerOf(Object[] steps, int n) {
    StringBuilder sb = new StringBuilder(16 * n);
    for (int i = 0; i < n; i++) {
      sb.append('/');
      sb.append(steps[i] instanceof String name ? escape(name) : steps[i].toString());
    }
    return sb.toString();
  }

  private static final Object[] NONE = new Object[0];

  static List<Match> read(JsonNode root, MappingPath path) {
    List<Match> out = new ArrayList<>(2);
    Walk w = new Walk(path.segments(), path.wildcards(), out);
    w.read(root, null, null, 0, 0, 0);
    return out;
  }

  /** The mutable state of one read: bindings, step stack and selector-key stack. */
  private static final class Walk {
    private final List<Segment> segs;
    private final int[] bind;
    private final List<Match> out;
    private Object[] steps = new Object[16];
    private Object[] keys = new Object[8];
    private int nkeys;

    Walk(List<Segment> segs, int wildcards, List<Match> out) {
      this.segs = segs;
      this.bind = new int[wildcards];
      this.out = out;
    }

    private void push(int depth, Object step) {
      if (depth >= steps.length) {
        steps = java.util.Arrays.copyOf(steps, steps.length * 2);
      }
      steps[depth] = step;
    }

    void read(JsonNode node, JsonNode parent, Object key, int i, int b, int depth) {
      if (Kinds.isAbsent(node)) {
        return;
      }
      if (i == segs.size()) {
        out.add(
            new Match(
                node,
                bind.length == 0 ? bind : bind.clone(),
                parent,
                key,
                java.util.Arrays.copyOf(steps, depth),
                nkeys == 0 ? NONE : java.util.Arrays.copyOf(keys, nkeys)));
        return;
      }
      Segment s = segs.get(i);
      switch (s.kind()) {
        case FIELD -> {
          if (Kinds.isObject(node)) {
            push(depth, s.name());
            read(node.get(s.name()), node, s.name(), i + 1, b, depth + 1);
          }
        }
        case EACH -> {
          if (Kinds.isArray(node)) {
            for (int k = 0; k < node.size(); k++) {
              bind[b] = k;
              push(depth, k);
              read(node.get(k), node, k, i + 1, b + 1, depth + 1);
            }
          }
        }
        case EACH_MATCHING, ONE_MATCHING -> {
          if (Kinds.isArray(node)) {
            int ordinal = 0;
            for (int k = 0; k < node.size(); k++) {
              JsonNode item = node.get(k);
              if (Kinds.isObject(item) && s.matches(item)) {
                int mark = nkeys;
                for (String keyName : s.keyNames()) {
                  if (nkeys + 2 > keys.length) {
                    keys = java.util.Arrays.copyOf(keys, keys.length * 2);
                  }
                  keys[nkeys++] = item;
                  keys[nkeys++] = keyName;
                }
                push(depth, k);
                if (s.kind() == Kind.EACH_MATCHING) {
                  bind[b] = ordinal++;
                  read(item, node, k, i + 1, b + 1, depth + 1);
                  nkeys = mark;
                } else {
                  read(item, node, k, i + 1, b, depth + 1);
                  nkeys = mark;
                  return;
                }
              }
            }
          }
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  /**
   * Many paths read in one walk: the paths are merged into a tree by their shared prefixes, so a
   * document is walked once instead of once per rule (a person's fields under {@code /persons/*}
   * are reached once, not once per person rule). Each path gets exactly the matches, in the same
   * order, that {@link #read} would give it. Immutable and thread-safe.
   */
  static final class ReadPlan {
    private final Node root = new Node(null);
    private final int paths;
    private final int maxWildcards;

    ReadPlan(List<MappingPath> paths) {
      this.paths = paths.size();
      int w = 0;
      for (int i = 0; i < paths.size(); i++) {
        MappingPath p = paths.get(i);
        w = Math.max(w, p.wildcards());
        Node n = root;
        for (Segment s : p.segments()) {
          n = n.child(s);
        }
        n.ends = Arrays.copyOf(n.ends, n.ends.length + 1);
        n.ends[n.ends.length - 1] = i;
      }
      this.maxWildcards = w;
      root.freeze();
    }

    /** The matches of every path, indexed like the paths the plan was built from. */
    List<Match>[] read(JsonNode document) {
      @SuppressWarnings("unchecked")
      List<Match>[] out = new List[paths];
      Arrays.fill(out, List.of()); // most paths match nothing: lists are made on first match
      new PlanWalk(new int[maxWildcards], out).visit(root, document, null, null, 0, 0);
      return out;
    }
  }

  /** A node of a {@link ReadPlan}: a segment, the paths that end here and the segments after. */
  private static final class Node {
    final Segment seg;
    private final List<Node> open = new ArrayList<>();
    Node[] kids;

    /** The field-step kids, also by name: an object with fewer fields than these is walked. */
    Node[] fieldKids;

    java.util.Map<String, Node> fieldKidsByName;

    /** The array-step kids. */
    Node[] arrayKids;

    int[] ends = new int[0];

    Node(Segment seg) {
      this.seg = seg;
    }

    Node child(Segment s) {
      for (Node c : open) {
        if (sameSegment(c.seg, s)) {
          return c;
        }
      }
      Node c = new Node(s);
      open.add(c);
      return c;
    }

    void freeze() {
      kids = open.toArray(Node[]::new);
      List<Node> fields = new ArrayList<>();
      List<Node> arrays = new ArrayList<>();
      fieldKidsByName = new java.util.HashMap<>();
      for (Node k : kids) {
        k.freeze();
        if (k.seg.kind() == Kind.FIELD) {
          fields.add(k);
          fieldKidsByName.put(k.seg.name(), k); // field kids are merged by name: one per name
        } else {
          arrays.add(k);
        }
      }
      fieldKids = fields.toArray(Node[]::new);
      arrayKids = arrays.toArray(Node[]::new);
    }

    private static boolean sameSegment(Segment a, Segment b) {
      return a.kind() == b.kind()
          && a.name().equals(b.name())
          && Arrays.equals(a.keyNames(), b.keyNames())
          && Arrays.equals(a.keyValues(), b.keyValues());
    }
  }

  private static final int[] NO_BINDINGS = new int[0];

  /** The mutable state of one plan walk; mirrors {@link Walk} step by step. */
  private static final class PlanWalk {
    private final int[] bind;
    private final List<Match>[] out;
    private Object[] steps = new Object[16];
    private Object[] keys = new Object[8];
    private int nkeys;

    PlanWalk(int[] bind, List<Match>[] out) {
      this.bind = bind;
      this.out = out;
    }

    private void push(int depth, Object step) {
      if (depth >= steps.length) {
        steps = Arrays.copyOf(steps, steps.length * 2);
      }
      steps[depth] = step;
    }

    void visit(Node n, JsonNode node, JsonNode parent, Object key, int b, int depth) {
      if (Kinds.isAbsent(node)) {
        return;
      }
      for (int idx : n.ends) {
        if (out[idx].isEmpty()) {
          out[idx] = new ArrayList<>(2);
        }
        out[idx].add(
            new Match(
                node,
                b == 0 ? NO_BINDINGS : Arrays.copyOf(bind, b),
                parent,
                key,
                Arrays.copyOf(steps, depth),
                nkeys == 0 ? NONE : Arrays.copyOf(keys, nkeys)));
      }
      if (Kinds.isObject(node)) {
        // Each path gets its matches in array order whichever way an object is gone through
        // (a path takes one field per object), so go through the smaller side: a person object
        // has a dozen fields and the plan fifty person rules.
        Node[] fieldKids = n.fieldKids;
        if (fieldKids.length > node.size()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Node c = n.fieldKidsByName.get(e.getKey());
            if (c != null) {
              String name = c.seg.name(); // the plan's interned name, as the key read
              push(depth, name);
              visit(c, e.getValue(), node, name, b, depth + 1);
            }
          }
        } else {
          for (Node c : fieldKids) {
            String name = c.seg.name();
            push(depth, name);
            visit(c, node.get(name), node, name, b, depth + 1);
          }
        }
        return;
      }
      if (!Kinds.isArray(node)) {
        return;
      }
      for (Node c : n.arrayKids) {
        Segment s = c.seg;
        switch (s.kind()) {
          case EACH -> {
            if (Kinds.isArray(node)) {
              for (int k = 0; k < node.size(); k++) {
                bind[b] = k;
                push(depth, k);
                visit(c, node.get(k), node, k, b + 1, depth + 1);
              }
            }
          }
          case EACH_MATCHING, ONE_MATCHING -> {
            if (Kinds.isArray(node)) {
              int ordinal = 0;
              for (int k = 0; k < node.size(); k++) {
                JsonNode item = node.get(k);
                if (Kinds.isObject(item) && s.matches(item)) {
                  int mark = nkeys;
                  for (String keyName : s.keyNames()) {
                    if (nkeys + 2 > keys.length) {
                      keys = Arrays.copyOf(keys, keys.length * 2);
                    }
                    keys[nkeys++] = item;
                    keys[nkeys++] = keyName;
                  }
                  push(depth, k);
                  if (s.kind() == Kind.EACH_MATCHING) {
                    bind[b] = ordinal++;
                    visit(c, item, node, k, b + 1, depth + 1);
                    nkeys = mark;
                  } else {
                    visit(c, item, node, k, b, depth + 1);
                    nkeys = mark;
                    break; // the one matching item only
                  }
                }
              }
            }
          }
          default -> throw new IllegalStateException();
        }
      }
    }
  }

  /**
   * Writes {@code value} at the path, creating objects, arrays and selected items on the way.
   * Objects written onto an existing object are merged field by field.
   */
  static void write(ObjectNode root, MappingPath path, int[] bind, JsonNode value) {
    List<Segment> segs = path.segments();
    JsonNode node = root;
    int b = 0;
    for (int i = 0; i < segs.size(); i++) {
      Segment s = segs.get(i);
      boolean last = i == segs.size() - 1;
      Segment next = last ? null : segs.get(i + 1);
      if (s.kind() == Kind.FIELD) {
        ObjectNode obj = (ObjectNode) node;
        if (last) {
          put(obj, s.name(), value);
          return;
        }
        JsonNode child = obj.get(s.name());
        if (child == null || !Kinds.isContainer(child) && child.isNull()) {
          child = next.isArrayStep() ? NF.arrayNode() : NF.objectNode();
          obj.set(s.name(), child);
        }
        node = child;
        continue;
      }
      ArrayNode arr = (ArrayNode) node;
      JsonNode item;
      switch (s.kind()) {
        case EACH -> {
          int idx = bind[b++];
          if (last) {
            while (arr.size() < idx) {
              arr.addNull();
            }
            if (arr.size() == idx) {
              arr.add(value);
            } else {
              arr.set(idx, value);
            }
            return;
          }
          while (arr.size() <= idx) {
            arr.addObject();
          }
          item = arr.get(idx);
          if (!Kinds.isContainer(item) && item.isNull()) {
            item = NF.objectNode();
            arr.set(idx, item);
          }
        }
        case EACH_MATCHING -> {
          int want = bind[b++];
          item = nthMatching(arr, s, want);
          while (item == null) {
            newItem(arr, s);
            item = nthMatching(arr, s, want);
          }
        }
        case ONE_MATCHING -> {
          item = nthMatching(arr, s, 0);
          if (item == null) {
            item = newItem(arr, s);
          }
        }
        default -> throw new IllegalStateException();
      }
      if (last) {
        if (Kinds.isObject(value)) {
          ((ObjectNode) item).setAll((ObjectNode) value);
        }
        return;
      }
      node = item;
    }
  }

  private static void put(ObjectNode obj, String name, JsonNode value) {
    if (!Kinds.isObject(value)) {
      obj.set(name, value); // a leaf or array replaces whatever was there
      return;
    }
    JsonNode old = obj.get(name);
    if (old != null && Kinds.isObject(old)) {
      ((ObjectNode) old).setAll((ObjectNode) value);
    } else {
      obj.set(name, value);
    }
  }

  private static ObjectNode newItem(ArrayNode arr, Segment s) {
    ObjectNode item = arr.addObject();
    for (int i = 0; i < s.keyNames().length; i++) {
      item.put(s.keyNames()[i], s.keyValues()[i]);
    }
    return item;
  }

  private static JsonNode nthMatching(ArrayNode arr, Segment s, int n) {
    int seen = 0;
    for (int i = 0, size = arr.size(); i < size; i++) {
      JsonNode item = arr.get(i);
      if (Kinds.isObject(item) && s.matches(item)) {
        if (seen++ == n) {
          return item;
        }
      }
    }
    return null;
  }

  static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }

  static String bindingsText(int[] bind) {
    return Arrays.toString(bind);
  }
}
