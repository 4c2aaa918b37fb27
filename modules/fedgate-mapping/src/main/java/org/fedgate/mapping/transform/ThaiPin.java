package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Supplier;
import org.fedgate.model.error.MappingError;

/**
 * Thai 13-digit personal identification number. Check digit {@code C = (11 - (sum d_i * (14 - i))
 * mod 11) mod 10}. The first digit is a holder type: 1-5 Thai nationals, 6 foreign residents and
 * irregular migrants, 7 children of type 6 born in Thailand, 8 permanent residents and naturalised
 * persons, 0 other cards (a leading 0 is legal). Digits 2-3 are the registering province.
 */
public final class ThaiPin implements Transform {

  private final Set<String> provinceCodes;

  public ThaiPin(Set<String> provinceCodes) {
    this.provinceCodes = Set.copyOf(provinceCodes);
  }

  /** True when the 13 digits carry a correct check digit. */
  public static boolean checkDigitValid(String digits) {
    if (digits.length() != 13) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * (13 - i);
    }
    int check = (11 - sum % 11) % 10;
    return digits.charAt(12) == (char) ('0' + check);
  }

  /** The holder type named by the first digit. */
  public static String holderType(char first) {
    return switch (first) {
      case '1', '2', '3', '4', '5' -> "THAI_NATIONAL_TYPE_" + first;
      case '6' -> "FOREIGN_RESIDENT_OR_IRREGULAR_MIGRANT";
      case '7' -> "CHILD_OF_TYPE_6_BORN_IN_THAILAND";
      case '8' -> "PERMANENT_RESIDENT_OR_NATURALISED";
      case '0' -> "OTHER_CARD_HOLDER";
      default -> "UNLISTED_TYPE";
    };
  }

  static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Removes the usual separators (1-2345-67890-12-3). */
  public static String normalise(String raw) {
    StringBuilder sb = new StringBuilder(13);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '-' && c != ' ') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
    String digits = normalise(national.asText());
    if (digits.length() != 13 || !allDigits(digits)) {
      throw at(MappingError.INVALID_IDENTIFIER, location, "Thai PIN must have 13 digits");
    }
    if (!checkDigitValid(digits)) {
      throw at(MappingError.INVALID_CHECK_DIGIT, location, "Thai PIN check digit does not match");
    }
    ObjectNode id = JsonNodeFactory.instance.objectNode();
    id.put("issuingCountry", "TH");
    id.put("value", digits);
    id.put("validation", "VALID");
    ObjectNode derived = id.putObject("derived");
    derived.put("holderType", holderType(digits.charAt(0)));
    String province = digits.substring(1, 3);
    if (provinceCodes.contains(province)) {
      ObjectNode region = derived.putObject("region");
      region.put("code", "TH-" + province);
      region.put("level", 1);
    }
    return id;
  }

  @Override
  public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
    JsonNode v = canonical.get("value");
    return v == null ? null : JsonNodeFactory.instance.textNode(v.asText());
  }
}
