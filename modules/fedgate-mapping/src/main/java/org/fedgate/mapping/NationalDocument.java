package org.fedgate.mapping;

import java.util.List;

/**
 * A canonical record translated to a national format.
 *
 * @param content the national document (UTF-8 JSON or XML)
 * @param mediaType {@code application/json} or {@code application/xml}
 * @param unmapped canonical paths (JSON Pointers) of values the national format cannot carry
 * @param profileId the profile used
 * @param profileVersion the national profile label, e.g. ID-BARESKRIM/1.0
 * @param mappingVersion the mapping version used
 */
public record NationalDocument(
    byte[] content,
    String mediaType,
    List<String> unmapped,
    String profileId,
    String profileVersion,
    String mappingVersion) {
  public NationalDocument {
    content = content.clone();
    unmapped = List.copyOf(unmapped);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Versions and counts only: the record itself is personal data and never printed. */
  @Override
  public String toString() {
    return "NationalDocument[profile="
        + profileVersion
        + ", mapping="
        + mappingVersion
        + ", unmapped="
        + unmapped.size()
        + "]";
  }
}
