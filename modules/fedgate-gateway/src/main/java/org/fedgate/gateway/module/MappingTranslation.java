package org.fedgate.gateway.module;

import com.fasterxml.jackson.databind.JsonNode;
import org.fedgate.gateway.port.RecordTranslation;
import org.fedgate.mapping.NationalDocument;
import org.fedgate.mapping.TranslationResult;
import org.fedgate.mapping.Translator;
import org.fedgate.mapping.engine.Profile;

/** {@link RecordTranslation} on the mapping module's {@link Translator}. */
public final class MappingTranslation implements RecordTranslation {

  private final Translator translator;

  public MappingTranslation(Translator translator) {
    this.translator = translator;
  }

  /** The built-in profiles (TH, KH, ID) from the class path. */
  public static MappingTranslation builtIn() {
    return new MappingTranslation(Translator.loadBuiltIn());
  }

  private record Parsed(String profile, Translator.Validated document) implements Validated {
    @Override
    public String toString() {
      return "Parsed[profile=" + profile + "]";
    }
  }

  @Override
  public Validated validate(String profile, byte[] national) {
    return new Parsed(profile, translator.validate(profile, national));
  }

  @Override
  public Canonical toCanonical(Validated validated) {
    if (!(validated instanceof Parsed parsed)) {
      throw new IllegalArgumentException("not validated by this translation");
    }
    TranslationResult r = translator.toCanonical(parsed.document());
    Profile p = translator.profile(parsed.profile());
    // the audit schema's version tokens: "TH-CCIB:1.0" (profile) and "1.0.0" (mapping)
    return new Canonical(
        r.canonical(),
        p.agency() + ":" + p.profileVersion(),
        p.mappingVersion(),
        r.unmapped().size());
  }

  @Override
  public byte[] fromCanonical(String profile, JsonNode canonical) {
    NationalDocument d = translator.fromCanonical(profile, canonical);
    return d.content();
  }

  @Override
  public String mediaType(String profile) {
    return translator.profile(profile).format() == Profile.Format.XML
        ? "application/xml"
        : "application/json";
  }
}
