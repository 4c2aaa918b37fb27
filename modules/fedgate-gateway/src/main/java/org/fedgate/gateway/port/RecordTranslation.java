package org.fedgate.gateway.port;

import com.fasterxml.jackson.databind.JsonNode;

/** National record <-> canonical record, by national profile (fedgate-mapping). */
public interface RecordTranslation {

  /** Validates a national record against its profile's schema and translates it. */
  default Canonical toCanonical(String profile, byte[] national) {
    return toCanonical(validate(profile, national));
  }

  /** Parses and validates a national record against its profile's schema. */
  Validated validate(String profile, byte[] national);

  /** Translates a record that {@link #validate} accepted. */
  Canonical toCanonical(Validated validated);

  /** A validated national record, opaque to the caller (it holds personal data). */
  interface Validated {}

  /** Translates a canonical record into the profile's national format (JSON or XML bytes). */
  byte[] fromCanonical(String profile, JsonNode canonical);

  /** {@code application/json} or {@code application/xml}. */
  String mediaType(String profile);

  /**
   * A translated record with the profile and mapping versions (for the audit entry) and the count
   * of input fields that no mapping rule consumed.
   */
  record Canonical(
      JsonNode record, String profileVersion, String mappingVersion, int unmappedFields) {}
}
