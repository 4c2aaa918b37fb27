package org.fedgate.mapping.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path of the mapping language: a JSON Pointer whose segments may also be {@code *} (every array
 * item), {@code *[k=v]} (every item whose field k is v) or {@code [k=v]} (the one item whose field
 * k is v, created when missing). See {@code schemas/README.md}.
 */
public final class MappingPath {

  /** Kinds of segment. */
  public enum Kind {
    FIELD,
    EACH,
    EACH_MATCHING,
    ONE_MATCHING
  }

  /**
   * One segment: a field name, or an array step with its selector keys. The keys are also kept as
   * arrays: matching runs for every array item on every rule, and iterating a map allocates.
   */
  public record Segment(
      Kind kind, String name, Map<String, String> keys, String[] keyNames, String[] keyValues) {

    Segment(Kind kind, String name, Map<String, String> keys) {
      this(
          kind,
          name,
          Map.copyOf(keys),
          keys.keySet().stream().map(String::intern).toArray(String[]::new),
          keys.keySet().stream().map(keys::get).map(String::intern).toArray(String[]::new));
    }

    boolean isArrayStep() {
      return kind != Kind.FIELD;
    }

    boolean matches(com.fasterxml.jackson.databind.JsonNode item) {
      for (int i = 0; i < keyNames.length; i++) {
        com.fasterxml.jackson.databind.JsonNode v = item.get(keyNames[i]);
        if (v == null || !v.isTextual() || !keyValues[i].equals(v.textValue())) {
          return false;
        }
      }
      return true;
    }
  }

  private final String text;
  private final List<Segment> segments;
  private final int wildcards;

  private MappingPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
    int w = 0;
    for (Segment s : segments) {
      if (s.kind == Kind.EACH || s.kind == Kind.EACH_MATCHING) {
        w++;
      }
    }
    this.wildcards = w;
  }

  /** Parses a path; throws {@link IllegalArgumentException} with the reason when it is bad. */
  public static MappingPath parse(String text) {
    if (text == null || !text.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/'");
    }
    List<Segment> segs = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      if (raw.isEmpty()) {
        throw new IllegalArgumentException("empty segment in path " + text);
      }
      if (raw.equals("*")) {
        segs.add(new Segment(Kind.EACH, "*", Map.of()));
      } else if (raw.startsWith("*[") && raw.endsWith("]")) {
        segs.add(new Segment(Kind.EACH_MATCHING, "*", keys(raw.substring(2, raw.length() - 1))));
      } else if (raw.startsWith("[") && raw.endsWith("]")) {
        segs.add(new Segment(Kind.ONE_MATCHING, "[]", keys(raw.substring(1, raw.length() - 1))));
      } else if (raw.contains("[") || raw.contains("]") || raw.contains("*")) {
        throw new IllegalArgumentException("bad segment '" + raw + "' in path " + text);
      } else {
        // interned like the field names Jackson parses, so that lookups and the unmapped
        // report's key comparisons mostly end at the identity check
        String name = raw.replace("~1", "/").replace("~0", "~").intern();
        segs.add(new Segment(Kind.FIELD, name, Map.of()));
      }
    }
    for (int i = 0; i < segs.size(); i++) {
      if (segs.get(i).isArrayStep() && (i == 0 || segs.get(i - 1).isArrayStep())) {
        throw new IllegalArgumentException("array step must follow a field in path " + text);
      }
    }
    return new MappingPath(text, segs);
  }

  private static Map<String, String> keys(String body) {
    // insertion order is kept: created items get their keys in the order the path names them
    Map<String, String> keys = new LinkedHashMap<>();
    for (String kv : body.split(",")) {
      int eq = kv.indexOf('=');
      if (eq <= 0 || eq == kv.length() - 1) {
        throw new IllegalArgumentException("selector must be key=value");
      }
      keys.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    return keys;
  }

  public List<Segment> segments() {
    return segments;
  }

  /** How many {@code *} steps bind array indexes. */
  public int wildcards() {
    return wildcards;
  }

  @Override
  public String toString() {
    return text;
  }
}
