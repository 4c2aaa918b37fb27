package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.function.Supplier;
import org.fedgate.model.error.MappingError;

/** Type conversions for formats whose values are all text (XML). */
public final class Scalars {
  private Scalars() {}

  /** XML boolean text to JSON boolean and back. */
  public static final class Bool implements Transform {
    @Override
    public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
      if (national.isBoolean()) {
        return national;
      }
      return switch (national.asText().trim()) {
        case "true", "1" -> BooleanNode.TRUE;
        case "false", "0" -> BooleanNode.FALSE;
        default -> throw at(MappingError.SCHEMA_VIOLATION, location, "not a boolean");
      };
    }

    @Override
    public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
      return JsonNodeFactory.instance.textNode(Boolean.toString(canonical.asBoolean()));
    }
  }

  /** Integer text to JSON integer and back. */
  public static final class Int implements Transform {
    @Override
    public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
      if (national.isIntegralNumber()) {
        return national;
      }
      try {
        return JsonNodeFactory.instance.numberNode(Integer.parseInt(national.asText().trim()));
      } catch (NumberFormatException e) {
        throw at(MappingError.SCHEMA_VIOLATION, location, "not an integer");
      }
    }

    @Override
    public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
      return JsonNodeFactory.instance.textNode(canonical.asText());
    }
  }

  /**
   * Forward-only: a full name with no space is a mononym (a single name, common in Indonesia);
   * yields {@code true} or {@code false} for the canonical mononym flag.
   */
  public static final class Mononym implements Transform {
    @Override
    public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
      String s = national.asText().strip();
      return BooleanNode.valueOf(!s.isEmpty() && s.codePoints().noneMatch(Character::isWhitespace));
    }

    @Override
    public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
      return null;
    }
  }
}
