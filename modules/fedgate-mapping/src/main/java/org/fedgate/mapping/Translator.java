package org.fedgate.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.fedgate.mapping.engine.MappingEngine;
import org.fedgate.mapping.engine.Profile;
import org.fedgate.mapping.engine.ProfileLoader;
import org.fedgate.mapping.io.JsonDocuments;
import org.fedgate.mapping.io.JsonSchemaCheck;
import org.fedgate.mapping.io.Limits;
import org.fedgate.mapping.io.XmlDocuments;
import org.fedgate.mapping.transform.BuiltInTransforms;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;

/**
 * Translates records between national profiles (TH, KH, ID) and the canonical ACR model.
 *
 * <p>Every national document is size- and depth-limited, parsed safely and validated against its
 * national schema before any mapping; every canonical record is validated against the ACR schema
 * before it is translated out. Failures are {@link FedgateException}s with {@link MappingError}
 * codes whose details hold locations and reasons only. Immutable and thread-safe: build once, call
 * from any thread.
 */
public final class Translator {

  /** The canonical schema resource on the class path. */
  public static final String ACR_SCHEMA = "schemas/canonical/acr-1.0.schema.json";

  private static final Map<String, String> BUILT_IN = new LinkedHashMap<>();

  static {
    BUILT_IN.put("TH", "schemas/national/th");
    BUILT_IN.put("KH", "schemas/national/kh");
    BUILT_IN.put("ID", "schemas/national/id");
  }

  private final Map<String, Entry> profiles;
  private final JsonDocuments json;
  private final JsonSchemaCheck acr;
  private final boolean checkOutputs;

  private record Entry(
      Profile profile, MappingEngine engine, JsonSchemaCheck jsonSchema, XmlDocuments xml) {}

  private Translator(Limits limits, Clock clock, boolean checkOutputs) {
    this.json = new JsonDocuments(limits);
    this.checkOutputs = checkOutputs;
    ObjectMapper plain = new ObjectMapper();
    try {
      this.acr = JsonSchemaCheck.of(plain.readTree(ProfileLoader.readText(ACR_SCHEMA)));
      ProfileLoader loader = new ProfileLoader(new BuiltInTransforms(clock));
      Map<String, Entry> m = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : BUILT_IN.entrySet()) {
        if (Translator.class.getClassLoader().getResource(e.getValue() + "/profile.yaml") == null) {
          continue; // a build without this profile's files
        }
        ProfileLoader.Loaded l = loader.load(e.getValue());
        Profile p = l.profile();
        if (p.format() == Profile.Format.XML) {
          XmlDocuments xml = new XmlDocuments(l.schemaText(), p.xmlRoot(), p.xmlRepeated(), limits);
          m.put(p.id(), new Entry(p, new MappingEngine(p), null, xml));
        } else {
          JsonSchemaCheck s = JsonSchemaCheck.of(plain.readTree(l.schemaText()));
          m.put(p.id(), new Entry(p, new MappingEngine(p), s, null));
        }
      }
      this.profiles = Map.copyOf(m);
    } catch (IOException e) {
      throw new FedgateException(MappingError.PROFILE_DEFINITION_INVALID, "unreadable schema");
    }
  }

  /** The built-in profiles with default limits (1 MiB, depth 64) and output checks off. */
  public static Translator loadBuiltIn() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for a {@link Translator}. */
  public static final class Builder {
    private Limits limits = Limits.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean checkOutputs = false;

    private Builder() {}

    /** Size and depth limits for national input. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    /** The clock that resolves two-digit years (NIK). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Whether translated output is validated (canonical against ACR, national against its schema).
     * On by default: it catches mapping faults before a partner sees them.
     */
    public Builder checkOutputs(boolean checkOutputs) {
      this.checkOutputs = checkOutputs;
      return this;
    }

    public Translator build() {
      return new Translator(limits, clock, checkOutputs);
    }
  }

  /** The profile ids available (TH, KH, ID). */
  public Set<String> profileIds() {
    return profiles.keySet();
  }

  /** The id of the profile whose format an agency uses (e.g. TH-CCIB -> TH), if built in. */
  public java.util.Optional<String> profileIdForAgency(String agencyId) {
    return profiles.values().stream()
        .filter(e -> e.profile().agency().equals(agencyId))
        .map(e -> e.profile().id())
        .findFirst();
  }

  /** The profile definition for an id. */
  public Profile profile(String profileId) {
    return entry(profileId).profile();
  }

  /** Translates a national document to a canonical ACR record ({@link #validate} and map). */
  public TranslationResult toCanonical(String profileId, byte[] nationalDocument) {
    return toCanonical(validate(profileId, nationalDocument));
  }

  /**
   * A national document parsed and validated against its profile's schema (XSD or JSON Schema),
   * ready for {@link #toCanonical(Validated)}. Holds the parsed record: personal data, never
   * printed.
   */
  public static final class Validated {
    private final Entry entry;
    private final JsonNode tree;
    private final UnaryOperator<String> location;

    private Validated(Entry entry, JsonNode tree, UnaryOperator<String> location) {
      this.entry = entry;
      this.tree = tree;
      this.location = location;
    }

    @Override
    public String toString() {
      return "Validated[profile=" + entry.profile().id() + "]";
    }
  }

  /**
   * The first half of {@link #toCanonical(String, byte[])}: size and depth limits, parsing, and the
   * national schema. Separate so that a caller can measure validation apart from mapping.
   */
  public Validated validate(String profileId, byte[] nationalDocument) {
    Entry e = entry(profileId);
    Objects.requireNonNull(nationalDocument, "nationalDocument");
    if (e.xml() != null) {
      return new Validated(e, e.xml().parse(nationalDocument), e.xml()::xpath);
    }
    JsonNode tree = json.parse(nationalDocument);
    e.jsonSchema().check(tree, MappingError.SCHEMA_VIOLATION);
    return new Validated(e, tree, UnaryOperator.identity());
  }

  /** The second half: maps a validated national document to a canonical ACR record. */
  public TranslationResult toCanonical(Validated validated) {
    Entry e = validated.entry;
    MappingEngine.Output out = e.engine().toCanonical(validated.tree, validated.location);
    if (checkOutputs) {
      acr.check(out.document(), MappingError.OUTPUT_INVALID);
    }
    Profile p = e.profile();
    return new TranslationResult(
        out.document(), out.unmapped(), p.id(), p.profileLabel(), p.mappingVersion());
  }

  /** Translates a canonical ACR record to the profile's national format. */
  public NationalDocument fromCanonical(String profileId, JsonNode canonical) {
    Entry e = entry(profileId);
    Objects.requireNonNull(canonical, "canonical");
    acr.check(canonical, MappingError.CANONICAL_INVALID);
    MappingEngine.Output out = e.engine().toNational(canonical);
    ObjectNode national = out.document();
    byte[] bytes;
    String mediaType;
    if (e.xml() != null) {
      bytes = e.xml().write(national);
      mediaType = "application/xml";
      if (checkOutputs) {
        checkOwnOutput(() -> e.xml().parse(bytes));
      }
    } else {
      if (checkOutputs) {
        checkOwnOutput(() -> e.jsonSchema().check(national, MappingError.OUTPUT_INVALID));
      }
      bytes = json.write(national);
      mediaType = "application/json";
    }
    Profile p = e.profile();
    return new NationalDocument(
        bytes, mediaType, out.unmapped(), p.id(), p.profileLabel(), p.mappingVersion());
  }

  /** Parses a canonical record given as bytes (same limits as national input). */
  public JsonNode parseCanonical(byte[] document) {
    JsonNode n = json.parse(document);
    acr.check(n, MappingError.CANONICAL_INVALID);
    return n;
  }

  /** Serialises a tree as pretty-printed UTF-8 JSON. */
  public byte[] writeJson(JsonNode tree) {
    return json.write(tree);
  }

  private static void checkOwnOutput(Runnable check) {
    try {
      check.run();
    } catch (FedgateException fe) {
      if (fe.errorCode() == MappingError.OUTPUT_INVALID) {
        throw fe;
      }
      throw new FedgateException(MappingError.OUTPUT_INVALID, fe.detail());
    }
  }

  private Entry entry(String profileId) {
    Entry e = profileId == null ? null : profiles.get(profileId);
    if (e == null) {
      throw new FedgateException(
          MappingError.UNKNOWN_PROFILE, "known profiles: " + String.join(", ", profiles.keySet()));
    }
    return e;
  }
}
