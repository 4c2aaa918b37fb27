package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

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
  static void markComposedFullNames(JsonNode acr, Set<String> consumed) {
    JsonNode persons = acr.path("persons");
    for (int p = 0; p < persons.size(); p++) {
      JsonNode names = persons.get(p).path("names");
      for (int n = 0; n < names.size(); n++) {
        JsonNode name = names.get(n);
        if (!name.has("full") || name.path("parts").size() == 0) {
          continue;
        }
        String base = "/persons/" + p + "/names/" + n;
        boolean partsMapped = true;
        for (int k = 0; k < name.path("parts").size(); k++) {
          partsMapped &= consumed.contains(base + "/parts/" + k + "/value");
        }
        if (partsMapped) {
          consumed.add(base + "/full");
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
