package org.fedgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A fast RFC 8785 (JCS) writer for the JSON the log itself produces: objects, arrays, strings,
 * integers within +-2^53, booleans and null. Keys are sorted by UTF-16 code units ({@link
 * String#compareTo}), strings escaped as JCS prescribes. The general library canonicaliser costs
 * about 40 microseconds per entry here, which would cap the log below its throughput target; the
 * verifiers keep using that independent library, so any divergence shows up as a verification
 * failure, and a property test compares the two.
 */
final class CanonicalJson {

  private static final long MAX_SAFE = (1L << 53) - 1;

  private CanonicalJson() {}

  /** The canonical form, or null when the value holds something this writer does not handle. */
  static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder(1024);
    return append(sb, node) ? sb.toString() : null;
  }

  private static boolean append(StringBuilder sb, JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(n.size());
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(null);
        sb.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          string(sb, names.get(i));
          sb.append(':');
          if (!append(sb, n.get(names.get(i)))) {
            return false;
          }
        }
        sb.append('}');
        return true;
      }
      case ARRAY -> {
        sb.append('[');
        for (int i = 0; i < n.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          if (!append(sb, n.get(i))) {
            return false;
          }
        }
        sb.append(']');
        return true;
      }
      case STRING -> {
        string(sb, n.textValue());
        return true;
      }
      case NUMBER -> {
        if (!n.canConvertToExactIntegral() || !n.canConvertToLong()) {
          return false;
        }
        long v = n.longValue();
        if (v > MAX_SAFE || v < -MAX_SAFE) {
          return false;
        }
        sb.append(v);
        return true;
      }
      case BOOLEAN -> {
        sb.append(n.booleanValue());
        return true;
      }
      case NULL -> {
        sb.append("null");
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
