package org.fedgate.mapping.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.fedgate.model.error.ErrorCode;
import org.fedgate.model.error.FedgateException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A compiled JSON Schema (2020-12). Failures report the JSON Pointer of the first offending value
 * and the keyword that failed, never the value itself. Thread-safe.
 *
 * <p>A document first goes through {@link QuickSchema}, a conservative pass on the Jackson 2 tree
 * that only ever says "surely valid"; everything else, every invalid document included, is decided
 * and reported by the networknt validator as before.
 */
public final class JsonSchemaCheck {

  private static final SchemaRegistryConfig CONFIG =
      SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          // x-fedgate-kind marks fields for the victim-protection rules; it validates nothing
          Dialect.builder(Dialects.getDraft202012())
              .keyword(new NonValidationKeyword("x-fedgate-kind"))
              .build(),
          b -> b.schemaRegistryConfig(CONFIG));

  private final Schema schema;
  private final QuickSchema quick;

  private JsonSchemaCheck(Schema schema, QuickSchema quick) {
    this.schema = schema;
    this.quick = quick;
  }

  /** Compiles a schema given as a Jackson 2 tree. */
  public static JsonSchemaCheck of(JsonNode schemaTree) {
    return new JsonSchemaCheck(
        REGISTRY.getSchema(convert(schemaTree)),
        QuickSchema.compile(schemaTree, CONFIG.getRegularExpressionFactory()));
  }

  /** Throws {@code code} with location and keyword when the document does not match. */
  public void check(JsonNode document, ErrorCode code) {
    // The quick pass says yes only where the validator would; everything else (every failure
    // included) goes through the validator, which decides and names the location.
    if (quick.accepts(document)) {
      return;
    }
    fullCheck(document, code);
  }

  /** Whether the quick pass alone accepts {@code document} (for tests). */
  boolean quickAccepts(JsonNode document) {
    return quick.accepts(document);
  }

  /** The validator alone, without the quick pass (for tests that compare the two). */
  void fullCheck(JsonNode document, ErrorCode code) {
    List<Error> errors = schema.validate(convert(document));
    if (!errors.isEmpty()) {
      Error e = errors.get(0);
      String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
      if (where.isEmpty()) {
        where = "/";
      }
      String reason = "keyword '" + e.getKeyword() + "' failed";
      if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
        reason = "required property '" + e.getProperty() + "' missing";
      } else if ("additionalProperties".equals(e.getKeyword())
          || "unevaluatedProperties".equals(e.getKeyword())) {
        // the offending name comes from the input and could itself be personal data
        reason = "a property not allowed by the schema";
      }
      String more = errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : "";
      throw new FedgateException(code, "at " + where + ": " + reason + more);
    }
  }

  /** Copies a Jackson 2 tree into a Jackson 3 tree (the validator uses Jackson 3). */
  static tools.jackson.databind.JsonNode convert(JsonNode n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (n.getNodeType()) {
      case OBJECT -> {
        // sized up front: growing each object's map showed in profiles
        Map<String, tools.jackson.databind.JsonNode> m =
            new java.util.LinkedHashMap<>(n.size() * 4 / 3 + 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          m.put(e.getKey(), convert(e.getValue()));
        }
        return new ObjectNode(f, m);
      }
      case ARRAY -> {
        ArrayNode a = f.arrayNode(n.size());
        for (JsonNode c : n) {
          a.add(convert(c));
        }
        return a;
      }
      case STRING -> {
        return f.stringNode(n.textValue());
      }
      case BOOLEAN -> {
        return f.booleanNode(n.booleanValue());
      }
      case NUMBER -> {
        if (n.isInt()) {
          return f.numberNode(n.intValue());
        } else if (n.isLong()) {
          return f.numberNode(n.longValue());
        } else if (n.isBigInteger()) {
          return f.numberNode(n.bigIntegerValue());
        } else if (n.isBigDecimal()) {
          return f.numberNode(n.decimalValue());
        }
        return f.numberNode(n.doubleValue());
      }
      default -> {
        return f.nullNode();
      }
    }
  }
}
