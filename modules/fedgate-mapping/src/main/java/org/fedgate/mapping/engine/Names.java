package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Name handling shared by all profiles: a name form given only as typed parts gets its {@code full}
 * form composed (given then family, or family first for profiles that write names that way, such as
 * Khmer). Honorifics and particles are parts, never part of the composed full name.
 */
final class Names {
  private Names() {}

  static void composeFullNames(ObjectNode acr, boolean familyFirst) {
    for (JsonNode person : acr.path("persons")) {
      for (JsonNode name : person.path("names")) {
        if (name.isObject() && !name.has("full") && name.path("parts").size() > 0) {
          String full = compose(name.path("parts"), familyFirst);
          if (!full.isEmpty()) {
            ((ObjectNode) name).put("full", full);
          }
        }
      }
    }
  }

  /** On the way back, a full name composed from parts that were mapped needs no rule. */
  static void markComposedFullNames(JsonNode acr, Consumed consumed) {
    for (JsonNode person : acr.path("persons")) {
      for (JsonNode name : person.path("names")) {
        JsonNode parts = name.path("parts");
        if (!name.has("full") || parts.size() == 0) {
          continue;
        }
        boolean partsMapped = true;
        for (JsonNode part : parts) {
          partsMapped &= consumed.contains(part, "value");
        }
        if (partsMapped) {
          consumed.add(name, "full");
        }
      }
    }
  }

  static String compose(JsonNode parts, boolean familyFirst) {
    StringBuilder given = new StringBuilder();
    StringBuilder family = new StringBuilder();
    for (JsonNode part : parts) {
      String type = part.path("type").asText();
      String value = part.path("value").asText().strip();
      if (value.isEmpty()) {
        continue;
      }
      StringBuilder target =
          switch (type) {
            case "GIVEN", "MIDDLE" -> given;
            case "FAMILY", "PATRONYMIC" -> family;
            default -> null;
          };
      if (target != null) {
        if (target.length() > 0) {
          target.append(' ');
        }
        target.append(value);
      }
    }
    String a = familyFirst ? family.toString() : given.toString();
    String b = familyFirst ? given.toString() : family.toString();
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }
}
