package org.fedgate.mapping.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;
import org.junit.jupiter.api.Test;

/**
 * The quick pass of {@link JsonSchemaCheck} must never accept what the full validator refuses:
 * checked on the shipped documents (which it must accept, or it would save nothing) and on many
 * random mutations of them (wrong types, unknown and missing fields, duplicates, values beside the
 * limits, numbers the validator normalises).
 */
class QuickSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  private static final JsonSchemaCheck TH = schema("national/th/th-ccib-case-1.0.schema.json");
  private static final JsonSchemaCheck KH = schema("national/kh/kh-ahtjp-case-1.0.schema.json");
  private static final JsonSchemaCheck ACR = schema("canonical/acr-1.0.schema.json");

  private static final List<JsonNode> TH_DOCS = docs("national/th/samples", ".json");
  private static final List<JsonNode> KH_DOCS = docs("national/kh/samples", ".json");
  private static final List<JsonNode> ACR_DOCS = canonicalGoldens();

  @Test
  void accepts_everyShippedDocument_true() {
    for (JsonNode d : TH_DOCS) {
      assertThat(TH.quickAccepts(d)).isTrue();
    }
    for (JsonNode d : KH_DOCS) {
      assertThat(KH.quickAccepts(d)).isTrue();
    }
    for (JsonNode d : ACR_DOCS) {
      assertThat(ACR.quickAccepts(d)).isTrue();
    }
    assertThat(TH_DOCS).hasSizeGreaterThan(5);
    assertThat(KH_DOCS).hasSizeGreaterThan(5);
    assertThat(ACR_DOCS).hasSizeGreaterThan(15);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 400)
  void accepts_mutatedThRecord_onlyWhereTheValidatorAccepts(@ForAll("seeds") long seed) {
    agrees(TH, TH_DOCS, new Random(seed));
  }

  @Property(tries = 300)
  void accepts_mutatedKhRecord_onlyWhereTheValidatorAccepts(@ForAll("seeds") long seed) {
    agrees(KH, KH_DOCS, new Random(seed));
  }

  @Property(tries = 400)
  void accepts_mutatedCanonicalRecord_onlyWhereTheValidatorAccepts(@ForAll("seeds") long seed) {
    agrees(ACR, ACR_DOCS, new Random(seed));
  }

  @Test
  void accepts_numbersTheValidatorNormalises_leavesThemToIt() {
    JsonSchemaCheck s =
        check(
            "{\"type\":\"object\",\"properties\":{\"e\":{\"enum\":[1,2]},\"i\":{\"type\":\"integer\","
                + "\"minimum\":1,\"maximum\":4},\"u\":{\"uniqueItems\":true}}}");
    // 1.0 equals 1 and 2.0 is an integer for the validator; [1, 1.0] is not unique for it
    for (String d : List.of("{\"e\":1.0}", "{\"i\":2.0}", "{\"u\":[1,1.0]}", "{\"u\":[{}, {}]}")) {
      JsonNode n = tree(d);
      assertThat(s.quickAccepts(n)).as(d).isFalse();
    }
    assertThat(s.quickAccepts(tree("{\"e\":2,\"i\":4,\"u\":[\"a\",\"b\"]}"))).isTrue();
    assertThat(s.quickAccepts(tree("{\"i\":5}"))).isFalse();
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class,
            () -> s.check(tree("{\"u\":[1,1.0]}"), MappingError.SCHEMA_VIOLATION));
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).contains("/u");
  }

  @Test
  void accepts_lengthInCodePointsAndUnanchoredPattern_likeTheValidator() {
    JsonSchemaCheck s =
        check(
            "{\"properties\":{\"m\":{\"type\":\"string\",\"maxLength\":3},"
                + "\"p\":{\"type\":\"string\",\"pattern\":\"[0-9]{2}\"}}}");
    String threeEmoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"; // 6 chars, 3 code points
    for (String d :
        List.of(
            "{\"m\":\"" + threeEmoji + "\"}",
            "{\"m\":\"" + threeEmoji + "x\"}",
            "{\"p\":\"ab12cd\"}",
            "{\"p\":\"a1b\"}")) {
      JsonNode n = tree(d);
      assertThat(s.quickAccepts(n)).as(d).isEqualTo(fullAccepts(s, n));
    }
  }

  @Test
  void accepts_formatIsAnAnnotationOnly_likeTheValidator() {
    JsonSchemaCheck s =
        check(
            "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                + "\"properties\":{\"t\":{\"type\":\"string\",\"format\":\"date-time\"}}}");
    JsonNode n = tree("{\"t\":\"not a date\"}");
    assertThat(fullAccepts(s, n)).isTrue();
    assertThat(s.quickAccepts(n)).isTrue();
  }

  @Test
  void accepts_unknownKeyword_leavesItToTheValidator() {
    JsonSchemaCheck s = check("{\"properties\":{\"a\":{\"minItems\":2}}}");
    assertThat(s.quickAccepts(tree("{\"a\":[1]}"))).isFalse();
    assertThat(s.quickAccepts(tree("{\"b\":[1]}"))).isTrue();
    assertThat(fullAccepts(s, tree("{\"a\":[1]}"))).isFalse();
  }

  // --- helpers

  private static void agrees(JsonSchemaCheck s, List<JsonNode> seeds, Random rnd) {
    JsonNode doc = seeds.get(rnd.nextInt(seeds.size())).deepCopy();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      doc = mutate(doc, rnd);
    }
    if (s.quickAccepts(doc)) {
      assertThat(fullAccepts(s, doc)).as("validator accepts %s", doc).isTrue();
    }
  }

  private static boolean fullAccepts(JsonSchemaCheck s, JsonNode doc) {
    try {
      s.fullCheck(doc, MappingError.SCHEMA_VIOLATION);
      return true;
    } catch (FedgateException e) {
      return false;
    }
  }

  /** One random change somewhere in the tree (the root itself may be replaced). */
  private static JsonNode mutate(JsonNode doc, Random rnd) {
    List<JsonNode> containers = new ArrayList<>();
    collect(doc, containers);
    if (containers.isEmpty()) {
      return NF.objectNode(); // the root became a scalar earlier
    }
    JsonNode target = containers.get(rnd.nextInt(containers.size()));
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = rnd.nextInt(4);
      if (op == 0 && !names.isEmpty()) {
        o.remove(names.get(rnd.nextInt(names.size())));
      } else if (op == 1 || names.isEmpty()) {
        String name =
            rnd.nextBoolean() || names.isEmpty()
                ? List.of("x", "recordId", "personId", "Somchai", "type").get(rnd.nextInt(5))
                : names.get(rnd.nextInt(names.size()));
        o.set(name, value(doc, rnd));
      } else {
        o.set(names.get(rnd.nextInt(names.size())), value(doc, rnd));
      }
    } else {
      ArrayNode a = (ArrayNode) target;
      int op = rnd.nextInt(4);
      if (op == 0 && !a.isEmpty()) {
        a.remove(rnd.nextInt(a.size()));
      } else if (op == 1 && !a.isEmpty()) {
        a.add(a.get(rnd.nextInt(a.size())).deepCopy()); // a duplicate
      } else if (op == 2 && !a.isEmpty()) {
        a.set(rnd.nextInt(a.size()), value(doc, rnd));
      } else {
        a.add(value(doc, rnd));
      }
    }
    return rnd.nextInt(50) == 0 ? value(doc, rnd) : doc;
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      for (JsonNode c : n) {
        collect(c, out);
      }
    }
  }

  /** A value of any kind, often one taken from elsewhere in the same document. */
  private static JsonNode value(JsonNode doc, Random rnd) {
    switch (rnd.nextInt(24)) {
      case 0:
        return NF.textNode("");
      case 1:
        return NF.textNode("x".repeat(1 + rnd.nextInt(300)));
      case 2:
        return NF.textNode("ผู้เสียหาย");
      case 3:
        return NF.numberNode(rnd.nextInt(7) - 2);
      case 4:
        return NF.numberNode(2.0);
      case 5:
        return NF.numberNode(1.5);
      case 6:
        return NF.numberNode(3_000_000_000L);
      case 7:
        return NF.numberNode(new BigInteger("123456789012345678901234567890"));
      case 8:
        return NF.booleanNode(rnd.nextBoolean());
      case 9:
        return NF.nullNode();
      case 10:
        return NF.objectNode();
      case 11:
        return NF.arrayNode();
      case 12:
        return NF.arrayNode().add("TH").add("TH");
      case 13:
        return NF.arrayNode().add(1).add(1.0);
      case 14:
        return NF.textNode("2567-13-40");
      case 15:
        return NF.textNode("\uD83D\uDE00".repeat(60 + rnd.nextInt(10)));
      case 16:
        return NF.textNode("A".repeat(120 + rnd.nextInt(20)));
      case 17:
        return NF.numberNode(1.0);
      default:
        {
          // a value from this document: right-looking values in the wrong places, and codes
          List<JsonNode> all = new ArrayList<>();
          all(doc, all);
          return all.get(rnd.nextInt(all.size())).deepCopy();
        }
    }
  }

  private static void all(JsonNode n, List<JsonNode> out) {
    out.add(n);
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        all(it.next().getValue(), out);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        all(c, out);
      }
    }
  }

  private static JsonSchemaCheck check(String schema) {
    return JsonSchemaCheck.of(tree(schema));
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path schemas() {
    String r = System.getProperty("fedgate.root");
    Path p = r == null ? Path.of("../..") : Path.of(r);
    return p.toAbsolutePath().normalize().resolve("schemas");
  }

  private static JsonSchemaCheck schema(String path) {
    return JsonSchemaCheck.of(read(schemas().resolve(path)));
  }

  private static JsonNode read(Path p) {
    try {
      return JSON.readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> docs(String dir, String suffix) {
    try (Stream<Path> s = Files.list(schemas().resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(suffix))
          .sorted()
          .map(QuickSchemaTest::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> canonicalGoldens() {
    List<JsonNode> out = new ArrayList<>();
    for (String cc : List.of("th", "kh", "id")) {
      out.addAll(docs("national/" + cc + "/golden", ".canonical.json"));
    }
    return out;
  }
}
