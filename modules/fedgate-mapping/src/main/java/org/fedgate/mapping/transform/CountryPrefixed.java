package org.fedgate.mapping.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.function.Supplier;

/**
 * A national admin-area code made unambiguous across countries: {@code 63} in the TH profile is
 * {@code TH-63} in the canonical record (the ISO 3166-2 code where the national code is the ISO
 * one, as for Thai provinces). Going back, only codes of this profile's country can be written;
 * another country's code is reported as unmapped instead of being mistaken for a local one.
 */
public final class CountryPrefixed implements Transform {

  private final String prefix;

  public CountryPrefixed(String country) {
    if (!country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("country must be ISO 3166-1 alpha-2");
    }
    this.prefix = country + "-";
  }

  @Override
  public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
    return JsonNodeFactory.instance.textNode(prefix + national.asText());
  }

  @Override
  public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
    String v = canonical.asText();
    return v.startsWith(prefix) && v.length() > prefix.length()
        ? JsonNodeFactory.instance.textNode(v.substring(prefix.length()))
        : null;
  }
}
