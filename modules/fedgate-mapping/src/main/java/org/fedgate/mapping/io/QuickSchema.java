package org.fedgate.mapping.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A conservative fast pass over a JSON Schema (2020-12) on the Jackson 2 tree: {@link #accepts}
 * answers true only when the full validator is sure to accept the document too. Anything it is not
 * sure about (a failed check, a keyword it does not implement, a number it would have to normalise)
 * answers false, and the caller then runs the full validator, which decides and names the failure.
 * So this never changes what is accepted or rejected, nor any error; it only skips the full
 * validator's bookkeeping (an evaluation path object per keyword and instance step) for the
 * documents that pass, which cost about three quarters of the validation time.
 *
 * <p>It implements the keywords the fedgate schemas use, with the full validator's semantics:
 * {@code type}, {@code properties}, {@code required}, {@code additionalProperties}, {@code items}
 * (2020-12: every item), {@code uniqueItems}, {@code enum}, {@code const}, {@code pattern} (the
 * validator's own regular expression factory, unanchored search), {@code maxLength} and {@code
 * minLength} (code points), {@code minimum} and {@code maximum} (integers), local {@code $ref}, and
 * the annotations {@code format} (2020-12 default: annotation only), {@code title}, {@code
 * description}, {@code $comment}, {@code examples}, {@code default}, {@code x-fedgate-kind}. A
 * subschema with any other keyword always answers "not sure". Thread-safe and immutable once built.
 */
final class QuickSchema {

  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  /** Keywords that assert nothing under the 2020-12 defaults the validator is configured with. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "$comment",
          "examples",
          "default",
          "format",
          "x-fedgate-kind",
          "$defs");

  private static final int OBJECT = 1;
  private static final int ARRAY = 2;
  private static final int STRING = 4;
  private static final int INTEGER = 8;
  private static final int NUMBER = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;

  /** One compiled subschema. Fields are set while compiling, then only read. */
  private static final class Node {
    /** Never sure: the false schema, or a keyword this class does not implement. */
    boolean never;

    int types; // 0: any type

    Map<String, Node> properties;
    String[] required;
    boolean additionalAllowed = true; // additionalProperties absent or true
    Node additional; // a schema for additional properties, when not a boolean

    Node items;
    boolean uniqueItems;

    JsonNode[] allowed; // enum, or const as one value
    Set<String> allowedText; // the allowed values that are strings, for string instances

    RegularExpression pattern;
    int maxLength = -1;
    int minLength = -1;

    boolean hasMinimum;
    long minimum;
    boolean hasMaximum;
    long maximum;

    String ref; // a local JSON Pointer ("#/$defs/x"), resolved once the whole schema is compiled
    Node refTarget;
  }

  private final Node root;

  private QuickSchema(Node root) {
    this.root = root;
  }

  /**
   * Compiles {@code schema}; never fails (what it does not understand answers "not sure").
   *
   * @param regex the factory the full validator uses, so that patterns match exactly alike
   */
  static QuickSchema compile(JsonNode schema, RegularExpressionFactory regex) {
    Compiler c = new Compiler(schema, regex);
    Node root = c.compile(schema, true);
    c.resolveRefs();
    return new QuickSchema(root);
  }

  /** True only when the full validator surely accepts {@code document}. */
  boolean accepts(JsonNode document) {
    return accepts(root, document, 0);
  }

  private static boolean accepts(Node s, JsonNode v, int refDepth) {
    if (s.never) {
      return false;
    }
    if (s.refTarget != null) {
      // a reference cycle without progress in the instance would never end: not sure then
      if (refDepth > 256 || !accepts(s.refTarget, v, refDepth + 1)) {
        return false;
      }
    }
    int t = typeOf(v);
    if (t == 0) {
      return false; // a node kind the validator's tree would not have
    }
    if (s.types != 0 && (s.types & t) == 0) {
      // "number" admits integers too (its mask has both bits); a whole-number double that the
      // validator might count as an integer is its business
      return false;
    }
    if (s.allowed != null && !isAllowed(s, v, t)) {
      return false;
    }
    switch (t) {
      case OBJECT -> {
        return objectAccepted(s, v, refDepth);
      }
      case ARRAY -> {
        if (s.items != null) {
          for (int i = 0, n = v.size(); i < n; i++) {
            if (!accepts(s.items, v.get(i), refDepth)) {
              return false;
            }
          }
        }
        return !s.uniqueItems || surelyUnique(v);
      }
      case STRING -> {
        if (s.maxLength >= 0 || s.minLength >= 0) {
          String text = v.textValue();
          int len = text.codePointCount(0, text.length());
          if (s.maxLength >= 0 && len > s.maxLength || s.minLength >= 0 && len < s.minLength) {
            return false;
          }
        }
        return s.pattern == null || s.pattern.matches(v.textValue());
      }
      case INTEGER -> {
        if (!s.hasMinimum && !s.hasMaximum) {
          return true;
        }
        if (!v.canConvertToLong() || v.isBigInteger()) {
          return false;
        }
        long n = v.longValue();
        return (!s.hasMinimum || n >= s.minimum) && (!s.hasMaximum || n <= s.maximum);
      }
      case NUMBER -> {
        return !s.hasMinimum && !s.hasMaximum; // bounds on fractions: the validator decides
      }
      default -> {
        return true;
      }
    }
  }

  private static boolean objectAccepted(Node s, JsonNode v, int refDepth) {
    if (s.required != null) {
      for (String name : s.required) {
        if (v.get(name) == null) {
          return false;
        }
      }
    }
    if (s.properties == null && s.additionalAllowed && s.additional == null) {
      return true;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Node p = s.properties == null ? null : s.properties.get(e.getKey());
      if (p == null) {
        if (!s.additionalAllowed) {
          return false;
        }
        p = s.additional;
      }
      if (p != null && !accepts(p, e.getValue(), refDepth)) {
        return false;
      }
    }
    return true;
  }

  /** The value's JSON type bit; 0 for anything but the six JSON kinds from a parser. */
  private static int typeOf(JsonNode v) {
    // the usual classes by exact class first: getNodeType() is a megamorphic call here
    Class<?> c = v.getClass();
    if (c == ObjectNode.class) {
      return OBJECT;
    } else if (c == TextNode.class) {
      return STRING;
    } else if (c == ArrayNode.class) {
      return ARRAY;
    } else if (c == IntNode.class) {
      return INTEGER;
    }
    switch (v.getNodeType()) {
      case OBJECT:
        return OBJECT;
      case ARRAY:
        return ARRAY;
      case STRING:
        return STRING;
      case BOOLEAN:
        return BOOLEAN;
      case NULL:
        return NULL;
      case NUMBER:
        if (v.isIntegralNumber()) {
          return INTEGER;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? NUMBER : 0;
      default:
        return 0;
    }
  }

  /**
   * Whether {@code v} equals one of the allowed values. Only plain equality of scalars of the same
   * kind is trusted (the validator's equality also equates 1 and 1.0, so a miss here is "not sure",
   * never "no").
   */
  private static boolean isAllowed(Node s, JsonNode v, int t) {
    if (t == STRING) {
      return s.allowedText.contains(v.textValue()); // string nodes are all TextNodes
    }
    if (t != INTEGER && t != BOOLEAN && t != NULL) {
      return false;
    }
    for (JsonNode a : s.allowed) {
      if (a.getClass() == v.getClass() && a.equals(v)) {
        return true;
      }
    }
    return false;
  }

  /** Sure only for arrays of distinct strings or of distinct integers. */
  private static boolean surelyUnique(JsonNode array) {
    int n = array.size();
    if (n < 2) {
      return true;
    }
    JsonNode first = array.get(0);
    if (first.isTextual()) {
      Set<String> seen = new HashSet<>(n * 2);
      for (int i = 0; i < n; i++) {
        JsonNode item = array.get(i);
        if (!item.isTextual() || !seen.add(item.textValue())) {
          return false;
        }
      }
      return true;
    }
    if (first.isInt() || first.isLong()) {
      Set<Long> seen = new HashSet<>(n * 2);
      for (int i = 0; i < n; i++) {
        JsonNode item = array.get(i);
        if (!(item.isInt() || item.isLong()) || !seen.add(item.longValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Builds the nodes; references are resolved after the walk, so cycles are fine. */
  private static final class Compiler {
    private final JsonNode document;
    private final RegularExpressionFactory regex;
    private final Map<String, Node> byPointer = new HashMap<>();
    private final List<Node> refs = new ArrayList<>();

    Compiler(JsonNode document, RegularExpressionFactory regex) {
      this.document = document;
      this.regex = regex;
    }

    Node compile(JsonNode schema, boolean isRoot) {
      Node n = new Node();
      if (schema.isBoolean()) {
        n.never = !schema.booleanValue();
        return n;
      }
      if (!schema.isObject()) {
        n.never = true;
        return n;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          if (!keyword(n, e.getKey(), e.getValue(), isRoot)) {
            n.never = true;
          }
        } catch (RuntimeException ex) {
          n.never = true; // e.g. a pattern the factory refuses: the validator will say what
        }
      }
      return n;
    }

    /** Applies one keyword; false when it is not one this class implements exactly. */
    private boolean keyword(Node n, String k, JsonNode v, boolean isRoot) {
      switch (k) {
        case "$schema":
          return isRoot && DRAFT_2020_12.equals(v.textValue());
        case "$id":
          return isRoot && v.isTextual(); // elsewhere it would move the base of references
        case "type":
          return types(n, v);
        case "properties":
          if (!v.isObject()) {
            return false;
          }
          n.properties = new HashMap<>(v.size() * 2);
          for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            n.properties.put(p.getKey(), compile(p.getValue(), false));
          }
          return true;
        case "required":
          if (!v.isArray()) {
            return false;
          }
          n.required = new String[v.size()];
          for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
              return false;
            }
            n.required[i] = v.get(i).textValue();
          }
          return true;
        case "additionalProperties":
          if (v.isBoolean()) {
            n.additionalAllowed = v.booleanValue();
          } else {
            n.additional = compile(v, false);
          }
          return true;
        case "items":
          n.items = compile(v, false);
          return true;
        case "uniqueItems":
          if (!v.isBoolean()) {
            return false;
          }
          n.uniqueItems = v.booleanValue();
          return true;
        case "enum":
          if (!v.isArray()) {
            return false;
          }
          n.allowed = new JsonNode[v.size()];
          for (int i = 0; i < v.size(); i++) {
            n.allowed[i] = v.get(i);
          }
          n.allowedText = textsOf(n.allowed);
          return n.allowed.length > 0;
        case "const":
          n.allowed = new JsonNode[] {v};
          n.allowedText = textsOf(n.allowed);
          return true;
        case "pattern":
          if (!v.isTextual()) {
            return false;
          }
          // only the plain JDK factory is known to compile a pattern the same way whichever of
          // its methods the validator calls; with another one patterns are the validator's
          if (regex.getClass() != JDKRegularExpressionFactory.class) {
            return false;
          }
          n.pattern = regex.getRegularExpression(v.textValue());
          return true;
        case "maxLength":
          if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
            return false;
          }
          n.maxLength = v.intValue();
          return true;
        case "minLength":
          if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
            return false;
          }
          n.minLength = v.intValue();
          return true;
        case "minimum":
          if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            return false;
          }
          n.hasMinimum = true;
          n.minimum = v.longValue();
          return true;
        case "maximum":
          if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            return false;
          }
          n.hasMaximum = true;
          n.maximum = v.longValue();
          return true;
        case "$ref":
          if (!v.isTextual() || !v.textValue().startsWith("#")) {
            return false;
          }
          n.ref = v.textValue();
          refs.add(n);
          return true;
        default:
          return ANNOTATIONS.contains(k);
      }
    }

    private static Set<String> textsOf(JsonNode[] values) {
      Set<String> texts = new HashSet<>();
      for (JsonNode a : values) {
        if (a.isTextual()) {
          texts.add(a.textValue());
        }
      }
      return Set.copyOf(texts);
    }

    private static boolean types(Node n, JsonNode v) {
      if (v.isTextual()) {
        int t = typeBit(v.textValue());
        n.types = t;
        return t != 0;
      }
      if (!v.isArray() || v.isEmpty()) {
        return false;
      }
      int mask = 0;
      for (JsonNode t : v) {
        int bit = t.isTextual() ? typeBit(t.textValue()) : 0;
        if (bit == 0) {
          return false;
        }
        mask |= bit;
      }
      n.types = mask;
      return true;
    }

    private static int typeBit(String name) {
      return switch (name) {
        case "object" -> OBJECT;
        case "array" -> ARRAY;
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "number" -> NUMBER | INTEGER;
        case "boolean" -> BOOLEAN;
        case "null" -> NULL;
        default -> 0;
      };
    }

    /** Points each {@code $ref} at its compiled target; an unresolvable one is never sure. */
    void resolveRefs() {
      // targets compiled here may hold references themselves: the list grows while walked
      for (int i = 0; i < refs.size(); i++) {
        Node n = refs.get(i);
        String pointer = n.ref.substring(1);
        Node target = byPointer.get(pointer);
        if (target == null) {
          JsonNode t;
          try {
            t = pointer.isEmpty() ? document : document.at(decode(pointer));
          } catch (IllegalArgumentException e) {
            t = null;
          }
          if (t == null || t.isMissingNode()) {
            n.never = true;
            continue;
          }
          target = pointer.isEmpty() ? null : compile(t, false);
          if (target == null) {
            n.never = true; // a reference to the root: not needed by our schemas
            continue;
          }
          byPointer.put(pointer, target);
        }
        n.refTarget = target;
      }
    }

    /** A URI fragment is percent-encoded; our pointers use plain ASCII names. */
    private static String decode(String pointer) {
      if (!pointer.startsWith("/") || pointer.indexOf('%') >= 0) {
        throw new IllegalArgumentException("unsupported reference");
      }
      return pointer;
    }
  }
}
