package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical (ACR 1.0) schema as a tree of paths, with what minimisation needs to know about
 * each node: its kind (identifying, free text), whether it is a free string, which $defs shape it
 * has, and which nodes the victim-protection rules guard.
 */
final class CanonicalSchema {

  static final String RESOURCE = "schemas/canonical/acr-1.0.schema.json";

  enum Kind {
    NONE,
    IDENTIFYING,
    FREE_TEXT
  }

  /** One node of the schema tree, at one canonical path. */
  static final class Node {
    final int index;
    final String path;
    final Node parent;
    final String defName;
    final Kind kind;
    final String type;
    final boolean freeString;
    final Set<String> required;
    final String[] requiredArray;
    // the $defs shapes that the walk treats specially
    final boolean isAddress;
    final boolean isNameRecord;
    final Map<String, Node> properties = new LinkedHashMap<>();
    Node items;
    // victim-protection flags, set after the tree is built
    boolean guardedForProtectedPerson;
    boolean guardedForLinkedEntity;
    boolean personReference;
    boolean underDateOfBirth;
    boolean phoneLike;
    // an item of persons, identifiers, documents, relations, accounts or communication identifiers:
    // the walk checks the entity as a whole before its members
    boolean entity;
    // where a protected person's name could hide inside a longer value
    boolean scrubContained;
    Node addressAnchor;
    Node dateAnchor;
    // this node's path below its anchors (null without one), so the walk builds no substring
    String belowAddress;
    String belowDate;
    // bits by property ordinal: the required properties, and a name record's name fields; valid
    // only when maskable (every required name is a property and there are at most 64 of them)
    long requiredMask;
    long nameMask;
    boolean maskable;

    Node(
        int index,
        String path,
        Node parent,
        String defName,
        Kind kind,
        String type,
        boolean freeString,
        Set<String> required) {
      this.index = index;
      this.path = path;
      this.parent = parent;
      this.defName = defName;
      this.kind = kind;
      this.type = type;
      this.freeString = freeString;
      this.required = required;
      this.requiredArray = required.toArray(new String[0]);
      this.isAddress = "address".equals(defName);
      this.isNameRecord = "nameRecord".equals(defName);
    }

    // set once the tree is complete (properties are filled after construction)
    boolean container;
    private String[] propNames = new String[0];
    private Node[] propNodes = new Node[0];
    // position among the parent's properties (0 for the root and array items)
    int ordinal;

    /**
     * The child for a property name. Jackson interns field names, so a reference comparison almost
     * always finds it; equals is the fallback.
     */
    Node property(String name) {
      int slot = slot(name);
      return slot < 0 ? null : hashNodes[slot];
    }

    /**
     * The slot of a property name in this node's open-addressed table (the walk's shared pointers
     * keep their children by the same slots), or -1 when the node has no such property.
     */
    int slot(String name) {
      // open addressing on the (cached) hash code: one or two probes instead of a scan
      String[] names = hashNames;
      int mask = names.length - 1;
      for (int i = name.hashCode() & mask; ; i = (i + 1) & mask) {
        String n = names[i];
        if (n == null) {
          return -1;
        }
        if (n == name || n.equals(name)) {
          return i;
        }
      }
    }

    /** The child in a slot that {@link #slot} returned. */
    Node nodeAt(int slot) {
      return hashNodes[slot];
    }

    /** The number of slots (a power of two; more than the properties). */
    int slotCount() {
      return hashNames.length;
    }

    private String[] hashNames = new String[1];
    private Node[] hashNodes = new Node[1];

    private void index() {
      int size = Integer.highestOneBit(Math.max(1, propNodes.length) * 4);
      hashNames = new String[size];
      hashNodes = new Node[size];
      for (int k = 0; k < propNames.length; k++) {
        int i = propNames[k].hashCode() & (size - 1);
        while (hashNames[i] != null) {
          i = (i + 1) & (size - 1);
        }
        hashNames[i] = propNames[k];
        hashNodes[i] = propNodes[k];
      }
    }

    boolean isContainer() {
      return container;
    }

    int propertyCount() {
      return propNodes.length;
    }

    @Override
    public String toString() {
      return path;
    }
  }

  // a holder, so that the path sets below are initialised before the schema is flagged
  private static final class Holder {
    static final CanonicalSchema INSTANCE = load();
  }

  private final Node root;
  private final List<Node> nodes;
  private final Map<String, Node> byPath;

  private CanonicalSchema(Node root, List<Node> nodes) {
    this.root = root;
    this.nodes = Collections.unmodifiableList(nodes);
    Map<String, Node> m = new LinkedHashMap<>();
    for (Node n : nodes) {
      m.put(n.path, n);
    }
    this.byPath = Collections.unmodifiableMap(m);
  }

  static CanonicalSchema get() {
    return Holder.INSTANCE;
  }

  Node root() {
    return root;
  }

  List<Node> nodes() {
    return nodes;
  }

  Node node(String canonicalPath) {
    return byPath.get(canonicalPath);
  }

  private static CanonicalSchema load() {
    try (InputStream in = CanonicalSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("canonical schema not on the class path: " + RESOURCE);
      }
      JsonNode schema = new ObjectMapper().readTree(in);
      Builder b = new Builder(schema.path("$defs"));
      Node root = b.build(schema, "", null, null, 0);
      for (Node n : b.nodes) {
        n.container = n.items != null || !n.properties.isEmpty() || "object".equals(n.type);
        n.propNames = n.properties.keySet().stream().map(String::intern).toArray(String[]::new);
        n.propNodes = n.properties.values().toArray(new Node[0]);
        for (int i = 0; i < n.propNodes.length; i++) {
          n.propNodes[i].ordinal = i;
        }
        n.index();
      }
      for (Node n : b.nodes) {
        flag(n);
        masks(n);
      }
      return new CanonicalSchema(root, b.nodes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Set<String> PERSON_REFERENCES =
      Set.of(
          "/persons/*/id",
          "/events/*/persons/*",
          "/financialAccounts/*/holder",
          "/communicationIdentifiers/*/user",
          "/documents/*/holder",
          "/relations/*/from",
          "/relations/*/to");

  private static final Set<String> LINKED_ENTITY_VALUES =
      Set.of(
          "/financialAccounts/*/identifier",
          "/communicationIdentifiers/*/value",
          "/documents/*/number");

  private static final Set<String> PHONE_LIKE =
      Set.of(
          "/persons/*/contacts/*/value",
          "/communicationIdentifiers/*/value",
          "/organisations/*/phone");

  private static final Set<String> ENTITIES =
      Set.of(
          "/persons/*",
          "/persons/*/identifiers/*",
          "/documents/*",
          "/relations/*",
          "/financialAccounts/*",
          "/communicationIdentifiers/*");

  private static void flag(Node n) {
    String p = n.path;
    n.personReference = PERSON_REFERENCES.contains(p);
    n.phoneLike = PHONE_LIKE.contains(p);
    n.entity = ENTITIES.contains(p);
    n.scrubContained =
        n.kind != Kind.NONE
            || hasGuardedKindAncestor(n)
            || p.equals("/organisations/*/name")
            || p.equals("/financialAccounts/*/institution");
    n.underDateOfBirth =
        p.equals("/persons/*/dateOfBirth") || p.startsWith("/persons/*/dateOfBirth/");
    for (Node a = n; a != null; a = a.parent) {
      if (n.addressAnchor == null && "address".equals(a.defName)) {
        n.addressAnchor = a;
      }
      if (n.dateAnchor == null && "partialDate".equals(a.defName)) {
        n.dateAnchor = a;
      }
    }
    if (n.addressAnchor != null) {
      n.belowAddress = p.substring(n.addressAnchor.path.length()).intern();
    }
    if (n.dateAnchor != null) {
      n.belowDate = p.substring(n.dateAnchor.path.length()).intern();
    }
    if (p.startsWith("/persons/*/")) {
      // What identifies a minor or a non-disclosure victim: everything the schema marks as
      // identifying or free text, the exact birth date, what an identifier decodes to (birth
      // date, region) and the parts of an address finer than the country.
      n.guardedForProtectedPerson =
          n.kind != Kind.NONE
              || n.underDateOfBirth
              || p.startsWith("/persons/*/identifiers/*/derived")
              || p.matches("/persons/\\*/addresses/\\*/(street|city|postalCode|adminArea)(/.*)?")
              || hasGuardedKindAncestor(n);
    }
    n.guardedForLinkedEntity = LINKED_ENTITY_VALUES.contains(p);
  }

  private static void masks(Node n) {
    n.maskable = n.propNodes.length <= 64 && n.properties.keySet().containsAll(n.required);
    if (!n.maskable) {
      return;
    }
    for (int k = 0; k < n.propNodes.length; k++) {
      String name = n.propNames[k];
      if (n.required.contains(name)) {
        n.requiredMask |= 1L << n.propNodes[k].ordinal;
      }
      if (name.equals("full") || name.equals("parts")) {
        n.nameMask |= 1L << n.propNodes[k].ordinal;
      }
    }
  }

  private static boolean hasGuardedKindAncestor(Node n) {
    for (Node a = n.parent; a != null; a = a.parent) {
      if (a.kind != Kind.NONE) {
        return true;
      }
    }
    return false;
  }

  private static final class Builder {
    final JsonNode defs;
    final List<Node> nodes = new ArrayList<>();

    Builder(JsonNode defs) {
      this.defs = defs;
    }

    Node build(JsonNode s, String path, Node parent, String defName, int depth) {
      if (depth > 32) {
        throw new IllegalStateException("canonical schema nests too deep at " + path);
      }
      Kind kind = kindOf(s);
      JsonNode resolved = s;
      String def = defName;
      if (s.has("$ref")) {
        String ref = s.get("$ref").asText();
        if (!ref.startsWith("#/$defs/")) {
          throw new IllegalStateException("unsupported $ref " + ref + " at " + path);
        }
        def = ref.substring("#/$defs/".length());
        resolved = defs.path(def);
        if (kind == Kind.NONE) {
          kind = kindOf(resolved);
        }
      }
      String type = resolved.path("type").asText(null);
      if (type == null && resolved.has("enum")) {
        type = "enum";
      }
      if (type == null && resolved.has("const")) {
        type = "const";
      }
      boolean freeString =
          "string".equals(type)
              && !resolved.has("pattern")
              && !resolved.has("enum")
              && !resolved.has("format");
      Set<String> required = new HashSet<>();
      resolved.path("required").forEach(r -> required.add(r.asText()));
      Node n =
          new Node(
              nodes.size(),
              path,
              parent,
              def,
              kind,
              type,
              freeString,
              Collections.unmodifiableSet(required));
      nodes.add(n);
      JsonNode props = resolved.path("properties");
      props
          .fields()
          .forEachRemaining(
              e ->
                  n.properties.put(
                      e.getKey(),
                      build(e.getValue(), path + "/" + e.getKey(), n, null, depth + 1)));
      if (resolved.has("items")) {
        n.items = build(resolved.get("items"), path + "/*", n, null, depth + 1);
      }
      return n;
    }

    private static Kind kindOf(JsonNode s) {
      return switch (s.path("x-fedgate-kind").asText("")) {
        case "identifying" -> Kind.IDENTIFYING;
        case "freeText" -> Kind.FREE_TEXT;
        default -> Kind.NONE;
      };
    }
  }
}
