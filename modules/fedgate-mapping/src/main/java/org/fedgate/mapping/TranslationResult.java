package org.fedgate.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A national document translated to the canonical model.
 *
 * @param canonical the ACR record (a fresh tree the caller owns)
 * @param unmapped locations in the national document (JSON Pointer or XPath) of input values that
 *     no rule maps: reported, never silently dropped. Locations only, no values.
 * @param profileId the profile used (TH, KH, ID)
 * @param profileVersion the national profile label written to provenance, e.g. TH-CCIB/1.0
 * @param mappingVersion the mapping version written to provenance
 */
public record TranslationResult(
    ObjectNode canonical,
    List<String> unmapped,
    String profileId,
    String profileVersion,
    String mappingVersion) {
  public TranslationResult {
    unmapped = List.copyOf(unmapped);
  }

  /** Versions and counts only: the record itself is personal data and never printed. */
  @Override
  public String toString() {
    return "TranslationResult[profile="
        + profileVersion
        + ", mapping="
        + mappingVersion
        + ", unmapped="
        + unmapped.size()
        + "]";
  }
}
