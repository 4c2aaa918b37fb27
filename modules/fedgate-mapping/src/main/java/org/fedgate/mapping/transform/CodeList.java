package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.fedgate.model.error.MappingError;

/**
 * A national code list: national code to canonical code. Several national codes may share a
 * canonical code; going back, the first one listed is used. Applies item by item to arrays.
 */
public final class CodeList implements Transform {

  private final String name;
  private final Map<String, String> toCanonical;
  private final Map<String, String> toNational;

  public CodeList(String name, Map<String, String> nationalToCanonical) {
    this.name = name;
    this.toCanonical = Map.copyOf(nationalToCanonical);
    Map<String, String> back = new HashMap<>();
    new LinkedHashMap<>(nationalToCanonical).forEach((n, c) -> back.putIfAbsent(c, n));
    this.toNational = Map.copyOf(back);
  }

  public String name() {
    return name;
  }

  public Map<String, String> entries() {
    return toCanonical;
  }

  @Override
  public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
    if (national.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(national.size());
      for (int i = 0; i < national.size(); i++) {
        int index = i;
        out.add(toCanonical(national.get(i), () -> location.get() + "/" + index));
      }
      return out;
    }
    String c = toCanonical.get(national.asText());
    if (c == null) {
      throw at(MappingError.UNKNOWN_CODE, location, "value not in code list " + name);
    }
    return JsonNodeFactory.instance.textNode(c);
  }

  @Override
  public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
    if (canonical.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(canonical.size());
      for (JsonNode item : canonical) {
        String n = toNational.get(item.asText());
        if (n == null) {
          return null;
        }
        out.add(n);
      }
      return out;
    }
    String n = toNational.get(canonical.asText());
    return n == null ? null : JsonNodeFactory.instance.textNode(n);
  }
}
