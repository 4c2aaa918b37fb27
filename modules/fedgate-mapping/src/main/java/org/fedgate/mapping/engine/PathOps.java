package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fedgate.mapping.engine.MappingPath.Kind;
import org.fedgate.mapping.engine.MappingPath.Segment;

/** Reads and writes trees along {@link MappingPath}s, binding {@code *} steps to indexes. */
final class PathOps {

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  private PathOps() {}

  /**
   * A value found at a path: the node, the indexes its {@code *} steps bound, its concrete JSON
   * Pointer, and the pointers of selector keys read on the way (they count as consumed).
   */
  record Match(JsonNode value, int[] bindings, String pointer, List<String> keyPointers) {}

  static List<Match> read(JsonNode root, MappingPath path) {
    List<Match> out = new ArrayList<>(2);
    read(root, path.segments(), 0, new int[path.wildcards()], 0, "", new ArrayList<>(0), out);
    return out;
  }

  private static void read(
      JsonNode node,
      List<Segment> segs,
      int i,
      int[] bind,
      int b,
      String ptr,
      List<String> keyPtrs,
      List<Match> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (i == segs.size()) {
      out.add(new Match(node, bind.clone(), ptr, List.copyOf(keyPtrs)));
      return;
    }
    Segment s = segs.get(i);
    switch (s.kind()) {
      case FIELD -> {
        if (node.isObject()) {
          read(
              node.get(s.name()), segs, i + 1, bind, b, ptr + "/" + escape(s.name()), keyPtrs, out);
        }
      }
      case EACH -> {
        if (node.isArray()) {
          for (int k = 0; k < node.size(); k++) {
            bind[b] = k;
            read(node.get(k), segs, i + 1, bind, b + 1, ptr + "/" + k, keyPtrs, out);
          }
        }
      }
      case EACH_MATCHING, ONE_MATCHING -> {
        if (node.isArray()) {
          int ordinal = 0;
          for (int k = 0; k < node.size(); k++) {
            JsonNode item = node.get(k);
            if (item.isObject() && s.matches(item)) {
              String itemPtr = ptr + "/" + k;
              int mark = keyPtrs.size();
              for (String key : s.keys().keySet()) {
                keyPtrs.add(itemPtr + "/" + escape(key));
              }
              if (s.kind() == Kind.EACH_MATCHING) {
                bind[b] = ordinal++;
                read(item, segs, i + 1, bind, b + 1, itemPtr, keyPtrs, out);
                keyPtrs.subList(mark, keyPtrs.size()).clear();
              } else {
                read(item, segs, i + 1, bind, b, itemPtr, keyPtrs, out);
                keyPtrs.subList(mark, keyPtrs.size()).clear();
                return;
              }
            }
          }
        }
      }
      default -> throw new IllegalStateException();
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
        if (child == null || child.isNull()) {
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
          if (item.isNull()) {
            item = NF.objectNode();
            arr.set(idx, item);
          }
        }
        case EACH_MATCHING -> {
          int want = bind[b++];
          item = nthMatching(arr, s, want);
          while (item == null) {
            newItem(arr, s.keys());
            item = nthMatching(arr, s, want);
          }
        }
        case ONE_MATCHING -> {
          item = nthMatching(arr, s, 0);
          if (item == null) {
            item = newItem(arr, s.keys());
          }
        }
        default -> throw new IllegalStateException();
      }
      if (last) {
        if (value.isObject()) {
          ((ObjectNode) item).setAll((ObjectNode) value);
        }
        return;
      }
      node = item;
    }
  }

  private static void put(ObjectNode obj, String name, JsonNode value) {
    JsonNode old = obj.get(name);
    if (old != null && old.isObject() && value.isObject()) {
      ((ObjectNode) old).setAll((ObjectNode) value);
    } else {
      obj.set(name, value);
    }
  }

  private static ObjectNode newItem(ArrayNode arr, Map<String, String> keys) {
    ObjectNode item = arr.addObject();
    keys.forEach(item::put);
    return item;
  }

  private static JsonNode nthMatching(ArrayNode arr, Segment s, int n) {
    int seen = 0;
    for (JsonNode item : arr) {
      if (item.isObject() && s.matches(item)) {
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
