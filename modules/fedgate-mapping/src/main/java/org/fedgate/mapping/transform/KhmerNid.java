package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.fedgate.model.error.MappingError;

/**
 * Cambodian national ID card number: 9 digits. No public check digit or encoded attributes, so it
 * is checked for format only.
 */
public final class KhmerNid implements Transform {

  @Override
  public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
    String v = ThaiPin.normalise(national.asText());
    if (v.length() != 9 || !ThaiPin.allDigits(v)) {
      throw at(MappingError.INVALID_IDENTIFIER, location, "Cambodian ID must have 9 digits");
    }
    ObjectNode id = JsonNodeFactory.instance.objectNode();
    id.put("issuingCountry", "KH");
    id.put("value", v);
    id.put("validation", "FORMAT_ONLY");
    return id;
  }

  @Override
  public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
    JsonNode v = canonical.get("value");
    return v == null ? null : JsonNodeFactory.instance.textNode(v.asText());
  }
}
