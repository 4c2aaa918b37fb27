package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedgate.mapping.transform.BuiltInTransforms;
import org.fedgate.mapping.transform.CodeList;
import org.fedgate.mapping.transform.Transform;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;

/** Loads a profile ({@code profile.yaml}, its code lists and schema) from the class path. */
public final class ProfileLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final BuiltInTransforms transforms;

  public ProfileLoader(BuiltInTransforms transforms) {
    this.transforms = transforms;
  }

  /** A loaded profile with its schema text. */
  public record Loaded(Profile profile, String schemaText, Map<String, CodeList> codeLists) {}

  public Loaded load(String dir) {
    JsonNode y = readYaml(dir + "/profile.yaml");
    String id = text(y, "id", dir);
    Map<String, CodeList> lists = new HashMap<>();
    if (y.hasNonNull("codeLists")) {
      JsonNode cl = readYaml(dir + "/" + y.get("codeLists").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = cl.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Map<String, String> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> c = e.getValue().fields(); c.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = c.next();
          entries.put(entry.getKey(), entry.getValue().asText());
        }
        lists.put(e.getKey(), new CodeList(e.getKey(), entries));
      }
    }
    List<Rule> rules = new ArrayList<>();
    int n = 0;
    for (JsonNode r : y.path("rules")) {
      n++;
      try {
        if (r.hasNonNull("template")) {
          JsonNode template = y.path("templates").path(r.get("template").asText());
          if (!template.isArray()) {
            throw new IllegalArgumentException("unknown template");
          }
          String nat = r.path("national").asText();
          String can = r.path("canonical").asText();
          for (JsonNode t : template) {
            rules.add(
                rule(
                    t,
                    nat + t.path("national").asText(),
                    can + t.path("canonical").asText(),
                    lists));
          }
        } else {
          rules.add(rule(r, r.path("national").asText(), r.path("canonical").asText(), lists));
        }
      } catch (IllegalArgumentException e) {
        throw new FedgateException(
            MappingError.PROFILE_DEFINITION_INVALID,
            "profile " + id + " rule " + n + ": " + e.getMessage());
      }
    }
    List<MappingPath> ignored = new ArrayList<>();
    for (JsonNode i : y.path("ignoreNational")) {
      ignored.add(MappingPath.parse(i.asText()));
    }
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    y.path("defaults").fields().forEachRemaining(e -> defaults.put(e.getKey(), e.getValue()));
    Set<String> repeated = new HashSet<>();
    y.path("xml").path("repeated").forEach(x -> repeated.add(x.asText()));
    Profile.Format format =
        "xml".equals(y.path("format").asText("json")) ? Profile.Format.XML : Profile.Format.JSON;
    Profile p =
        new Profile(
            id,
            text(y, "agency", id),
            text(y, "profileVersion", id),
            text(y, "mappingVersion", id),
            format,
            y.path("xml").path("root").asText(null),
            repeated,
            y.path("names").path("familyNameFirst").asBoolean(false),
            defaults,
            rules,
            ignored);
    String schema = readText(dir + "/" + text(y, "schema", id));
    return new Loaded(p, schema, Map.copyOf(lists));
  }

  private Rule rule(JsonNode r, String national, String canonical, Map<String, CodeList> lists) {
    Transform t = null;
    if (r.hasNonNull("codeList")) {
      t = lists.get(r.get("codeList").asText());
      if (t == null) {
        throw new IllegalArgumentException("unknown code list");
      }
    } else if (r.hasNonNull("transform")) {
      t = transforms.get(r.get("transform").asText());
      if (t == null) {
        throw new IllegalArgumentException("unknown transform");
      }
    }
    Rule.Direction direction =
        switch (r.path("direction").asText("both")) {
          case "both" -> Rule.Direction.BOTH;
          case "toCanonical" -> Rule.Direction.TO_CANONICAL;
          case "toNational" -> Rule.Direction.TO_NATIONAL;
          default -> throw new IllegalArgumentException("unknown direction");
        };
    return new Rule(MappingPath.parse(national), MappingPath.parse(canonical), t, direction);
  }

  private static String text(JsonNode y, String field, String ctx) {
    if (!y.hasNonNull(field)) {
      throw new FedgateException(
          MappingError.PROFILE_DEFINITION_INVALID, "profile " + ctx + " lacks " + field);
    }
    return y.get(field).asText();
  }

  static JsonNode readYaml(String resource) {
    try {
      return YAML.readTree(readText(resource));
    } catch (IOException e) {
      throw new FedgateException(
          MappingError.PROFILE_DEFINITION_INVALID, "unreadable resource " + resource);
    }
  }

  public static String readText(String resource) {
    try (InputStream in = ProfileLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new FedgateException(
            MappingError.PROFILE_DEFINITION_INVALID, "missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FedgateException(
          MappingError.PROFILE_DEFINITION_INVALID, "unreadable resource " + resource);
    }
  }
}
