package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates canonical records from a seed, to drive the production walk and its frozen reference into
 * the corners: persons changing category, age evidence and non-disclosure; PSNs under every
 * disguise; one person's identifying values copied into other persons' fields and into free text
 * (other case, other spacing, inside longer text); unknown fields (names with {@code /} and {@code
 * ~}); leaves of the wrong type; objects where leaves belong and the reverse; pseudonym tokens;
 * long arrays past the shared pointer table; non-ASCII and NFKC-sensitive text. The result need not
 * be schema-valid: both walks must agree on anything.
 */
final class RecordMutator {

  private static final String[] CATEGORIES = {
    "SUSPECT", "CONVICTED", "VICTIM", "POTENTIAL_VICTIM", "WITNESS", "CONTACT", "BYSTANDER", ""
  };
  private static final String[] MINOR_STATUS = {"MINOR", "PRESUMED_MINOR", "ADULT", "UNKNOWN"};
  private static final String[] BANDS = {"0-8", "9-17", "18-20", "30-38", "60+", "x"};
  private static final String[] DOBS = {
    "2010-05-01", "2008-11-28", "2008-11-29", "2008", "2008-11", "1990-01-01", "1975", "20X0-01-01"
  };
  private static final String[] PRECISIONS = {"DAY", "MONTH", "YEAR", "UNKNOWN"};
  private static final String[] SCHEMES = {"PH_PSN", "PH_PCN", "PASSPORT", "TH_PIN", "ID_NIK"};
  private static final String[] ODD_TEXT = {
    "กฤษณ์ ธนสมบัติวงศ์", "ＫＲＩＴ  ＴＨＡＮＡ", "Ｄａｒａ", "  spaced   out  ", "", " ", "ÉLODIE Ñ", "a~b/c"
  };
  private static final String[] FREE_TEXT_PATHS = {
    "/case/summary", "/persons/*/notes", "/persons/*/victimContext/notes", "/events/*/description"
  };

  private final Random r;
  private final ObjectNode rec;

  private RecordMutator(long seed, ObjectNode rec) {
    this.r = new Random(seed);
    this.rec = rec;
  }

  /** A mutated deep copy of {@code base}: between one and {@code max} mutations. */
  static ObjectNode mutate(JsonNode base, long seed, int max) {
    ObjectNode copy = (ObjectNode) base.deepCopy();
    RecordMutator m = new RecordMutator(seed, copy);
    int n = 1 + m.r.nextInt(max);
    for (int i = 0; i < n; i++) {
      m.once();
    }
    return copy;
  }

  private void once() {
    switch (r.nextInt(22)) {
      case 0 -> removeSomething();
      case 1 -> duplicateArrayItem();
      case 2 -> copyValueElsewhere();
      case 3 -> leafOfOtherType();
      case 4 -> unknownField();
      case 5 -> person().ifPresent(p -> p.put("category", pick(CATEGORIES)));
      case 6 ->
          person().ifPresent(p -> victimContext(p).put("identityNonDisclosure", r.nextBoolean()));
      case 7 -> person().ifPresent(p -> p.put("minorStatus", pick(MINOR_STATUS)));
      case 8 -> person().ifPresent(this::ageEvidence);
      case 9 -> person().ifPresent(this::psn);
      case 10 -> protectedValueIntoText();
      case 11 -> relink();
      case 12 -> familyRelation();
      case 13 -> oddText();
      case 14 -> adminAreaLevel();
      case 15 -> tokenAsValue();
      case 16 -> longArray();
      case 17 -> containerWhereLeafBelongs();
      case 18 -> person().ifPresent(p -> p.remove(pick(List.of("id", "category", "names"))));
      case 19 -> psnIntoText();
      case 20 -> person().ifPresent(p -> victimContext(p).put("ageWhenTrafficked", r.nextInt(30)));
      default -> person().ifPresent(p -> p.put("ageBand", pick(BANDS)));
    }
  }

  // ---------------------------------------------------------------- targeted mutations

  private java.util.Optional<ObjectNode> person() {
    JsonNode ps = rec.path("persons");
    if (!ps.isArray() || ps.isEmpty()) {
      return java.util.Optional.empty();
    }
    JsonNode p = ps.get(r.nextInt(ps.size()));
    return p instanceof ObjectNode o ? java.util.Optional.of(o) : java.util.Optional.empty();
  }

  private ObjectNode victimContext(ObjectNode p) {
    JsonNode vc = p.get("victimContext");
    return vc instanceof ObjectNode o ? o : p.putObject("victimContext");
  }

  private void ageEvidence(ObjectNode p) {
    switch (r.nextInt(4)) {
      case 0 -> p.remove(List.of("minorStatus", "ageBand", "dateOfBirth"));
      case 1 ->
          p.putObject("dateOfBirth").put("value", pick(DOBS)).put("precision", pick(PRECISIONS));
      case 2 -> p.remove("minorStatus");
      default -> p.put("dateOfBirth", pick(DOBS));
    }
  }

  private void psn(ObjectNode p) {
    JsonNode ids = p.get("identifiers");
    ArrayNode a = ids instanceof ArrayNode x ? x : p.putArray("identifiers");
    ObjectNode id = a.addObject();
    id.put("scheme", pick(SCHEMES));
    if (r.nextBoolean()) {
      id.put("issuingCountry", "PH");
    }
    String digits =
        String.valueOf(100_000_000_000L + (r.nextLong() & 0x7FFFFFFFFFL) % 900_000_000_000L);
    id.put("value", r.nextBoolean() ? digits : digits.substring(0, 4) + "-" + digits.substring(4));
  }

  private void psnIntoText() {
    List<String> psns = new ArrayList<>();
    for (JsonNode p : rec.path("persons")) {
      for (JsonNode i : p.path("identifiers")) {
        if (i.path("value").isTextual()) {
          psns.add(i.path("value").textValue());
        }
      }
    }
    if (psns.isEmpty()) {
      return;
    }
    String v = pick(psns);
    String disguised = r.nextBoolean() ? v : v.replaceAll("(\\d{4})", "$1 ");
    List<JsonNode[]> leaves = textLeaves();
    if (!leaves.isEmpty()) {
      JsonNode[] at = pick(leaves);
      ((ObjectNode) at[0]).put(at[1].textValue(), disguised);
    }
  }

  private void protectedValueIntoText() {
    List<String> values = new ArrayList<>();
    for (JsonNode p : rec.path("persons")) {
      for (JsonNode n : p.path("names")) {
        values.add(n.path("full").asText(""));
        for (JsonNode part : n.path("parts")) {
          values.add(part.path("value").asText(""));
        }
      }
      for (JsonNode c : p.path("contacts")) {
        values.add(c.path("value").asText(""));
      }
    }
    values.removeIf(String::isEmpty);
    if (values.isEmpty()) {
      return;
    }
    String v = pick(values);
    String shown =
        switch (r.nextInt(4)) {
          case 0 -> v.toUpperCase(java.util.Locale.ROOT);
          case 1 -> "  " + v.replace(" ", "   ") + " ";
          case 2 -> "seen with " + v + " near the border";
          default -> v;
        };
    if (r.nextBoolean()) {
      String path = pick(FREE_TEXT_PATHS);
      setAtTemplate(path, shown);
    } else {
      List<JsonNode[]> leaves = textLeaves();
      if (!leaves.isEmpty()) {
        JsonNode[] at = pick(leaves);
        ((ObjectNode) at[0]).put(at[1].textValue(), shown);
      }
    }
  }

  private void setAtTemplate(String template, String value) {
    JsonNode cur = rec;
    String[] segs = template.substring(1).split("/");
    for (int i = 0; i < segs.length - 1; i++) {
      String s = segs[i];
      if (s.equals("*")) {
        if (!cur.isArray() || cur.isEmpty()) {
          return;
        }
        cur = cur.get(r.nextInt(cur.size()));
      } else {
        if (!(cur instanceof ObjectNode o)) {
          return;
        }
        JsonNode next = o.get(s);
        if (next == null) {
          next = o.putObject(s);
        }
        cur = next;
      }
    }
    if (cur instanceof ObjectNode o) {
      o.put(segs[segs.length - 1], value);
    }
  }

  private void relink() {
    List<String> ids = new ArrayList<>();
    for (JsonNode p : rec.path("persons")) {
      ids.add(p.path("id").asText("P?"));
    }
    ids.add("NOBODY");
    String[][] links = {
      {"financialAccounts", "holder"}, {"communicationIdentifiers", "user"}, {"documents", "holder"}
    };
    String[] l = links[r.nextInt(links.length)];
    JsonNode items = rec.path(l[0]);
    if (items.isArray()
        && !items.isEmpty()
        && items.get(r.nextInt(items.size())) instanceof ObjectNode o) {
      o.put(l[1], pick(ids));
    }
  }

  private void familyRelation() {
    JsonNode rels = rec.path("relations");
    JsonNode ps = rec.path("persons");
    if (!(rels instanceof ArrayNode a) || !ps.isArray() || ps.isEmpty()) {
      return;
    }
    a.addObject()
        .put("type", r.nextBoolean() ? "FAMILY_OF" : "EXPLOITED")
        .put("from", ps.get(r.nextInt(ps.size())).path("id").asText("P0"))
        .put("to", ps.get(r.nextInt(ps.size())).path("id").asText("P1"));
  }

  private void adminAreaLevel() {
    List<ObjectNode> areas = new ArrayList<>();
    collectObjects(rec, "adminArea", areas);
    if (!areas.isEmpty()) {
      ObjectNode a = pick(areas);
      if (r.nextInt(4) == 0) {
        a.remove("level");
      } else {
        a.put("level", 1 + r.nextInt(3));
      }
    }
  }

  private void collectObjects(JsonNode n, String name, List<ObjectNode> out) {
    if (n instanceof ObjectNode o) {
      o.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals(name) && e.getValue() instanceof ObjectNode v) {
                  out.add(v);
                }
                collectObjects(e.getValue(), name, out);
              });
    } else if (n.isArray()) {
      n.forEach(c -> collectObjects(c, name, out));
    }
  }

  private void tokenAsValue() {
    List<JsonNode[]> leaves = textLeaves();
    if (!leaves.isEmpty()) {
      JsonNode[] at = pick(leaves);
      // a well-formed pseudonym token, or one character short of it
      String token = "fgp1_" + "Ab0_-".repeat(4) + (r.nextBoolean() ? "Zz" : "Z");
      ((ObjectNode) at[0]).put(at[1].textValue(), token);
    }
  }

  private void longArray() {
    String[] arrays = {"events", "relations", "documents", "communicationIdentifiers"};
    JsonNode a = rec.path(pick(List.of(arrays)));
    if (a instanceof ArrayNode arr && !arr.isEmpty()) {
      JsonNode first = arr.get(r.nextInt(arr.size()));
      int target = ReferencePointers.MAX_INDEX + r.nextInt(8);
      while (arr.size() < target) {
        arr.add(first.deepCopy());
      }
    }
  }

  // ---------------------------------------------------------------- generic mutations

  /** Every (object, field name) that holds a text leaf, anywhere. */
  private List<JsonNode[]> textLeaves() {
    List<JsonNode[]> out = new ArrayList<>();
    collectLeaves(rec, out, true);
    return out;
  }

  private void collectLeaves(JsonNode n, List<JsonNode[]> out, boolean textOnly) {
    if (n instanceof ObjectNode o) {
      o.fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (v.isValueNode() && (!textOnly || v.isTextual())) {
                  out.add(new JsonNode[] {o, TextNode.valueOf(e.getKey())});
                } else {
                  collectLeaves(v, out, textOnly);
                }
              });
    } else if (n.isArray()) {
      n.forEach(c -> collectLeaves(c, out, textOnly));
    }
  }

  private List<JsonNode> containers() {
    List<JsonNode> out = new ArrayList<>();
    collectContainers(rec, out);
    return out;
  }

  private void collectContainers(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> collectContainers(c, out));
    }
  }

  private void removeSomething() {
    JsonNode c = pick(containers());
    if (c instanceof ObjectNode o && o.size() > 0 && o != rec) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      o.remove(pick(names));
    } else if (c instanceof ArrayNode a && a.size() > 0) {
      a.remove(r.nextInt(a.size()));
    }
  }

  private void duplicateArrayItem() {
    List<JsonNode> arrays = containers().stream().filter(JsonNode::isArray).toList();
    if (!arrays.isEmpty()) {
      ArrayNode a = (ArrayNode) pick(arrays);
      if (!a.isEmpty()) {
        a.insert(r.nextInt(a.size() + 1), a.get(r.nextInt(a.size())).deepCopy());
      }
    }
  }

  private void copyValueElsewhere() {
    List<JsonNode[]> leaves = new ArrayList<>();
    collectLeaves(rec, leaves, false);
    if (leaves.size() < 2) {
      return;
    }
    JsonNode[] from = pick(leaves);
    JsonNode[] to = pick(leaves);
    JsonNode v = ((ObjectNode) from[0]).get(from[1].textValue());
    ((ObjectNode) to[0]).set(to[1].textValue(), v == null ? NullNode.instance : v.deepCopy());
  }

  private void leafOfOtherType() {
    List<JsonNode[]> leaves = new ArrayList<>();
    collectLeaves(rec, leaves, false);
    if (leaves.isEmpty()) {
      return;
    }
    JsonNode[] at = pick(leaves);
    JsonNode v =
        switch (r.nextInt(5)) {
          case 0 -> IntNode.valueOf(r.nextInt(100));
          case 1 -> BooleanNode.valueOf(r.nextBoolean());
          case 2 -> NullNode.instance;
          case 3 -> Fixtures.JSON.createArrayNode().add("x").add(7);
          default -> Fixtures.JSON.createObjectNode().put("value", "2001").put("precision", "YEAR");
        };
    ((ObjectNode) at[0]).set(at[1].textValue(), v);
  }

  private void containerWhereLeafBelongs() {
    List<JsonNode> objects = containers().stream().filter(JsonNode::isObject).toList();
    if (objects.isEmpty()) {
      return;
    }
    ObjectNode o = (ObjectNode) pick(objects);
    if (o == rec) {
      return;
    }
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    if (!names.isEmpty()) {
      String name = pick(names);
      JsonNode v = o.get(name);
      o.set(
          name,
          v.isContainerNode() ? TextNode.valueOf("flat") : Fixtures.JSON.createArrayNode().add(v));
    }
  }

  private void unknownField() {
    List<JsonNode> objects = containers().stream().filter(JsonNode::isObject).toList();
    if (objects.isEmpty()) {
      return;
    }
    ObjectNode o = (ObjectNode) pick(objects);
    String[] names = {"extra", "secret/name", "til~de", "Dara Somchai", "notes2"};
    JsonNode v =
        r.nextBoolean()
            ? TextNode.valueOf("extra value")
            : Fixtures.JSON
                .createObjectNode()
                .put("inner", "x")
                .set("arr", Fixtures.JSON.createArrayNode().add(1));
    o.set(pick(List.of(names)), v);
  }

  private void oddText() {
    List<JsonNode[]> leaves = textLeaves();
    if (!leaves.isEmpty()) {
      JsonNode[] at = pick(leaves);
      ((ObjectNode) at[0]).put(at[1].textValue(), pick(ODD_TEXT));
    }
  }

  private <T> T pick(List<T> l) {
    return l.get(r.nextInt(l.size()));
  }

  private String pick(String[] a) {
    return a[r.nextInt(a.length)];
  }
}
