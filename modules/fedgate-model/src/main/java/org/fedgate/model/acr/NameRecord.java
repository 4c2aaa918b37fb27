package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One written form of a person's name: script (ISO 15924), language, romanisation system, typed
 * parts.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NameRecord(
    String use,
    String script,
    String language,
    String romanisation,
    Integer transliterationOf,
    String full,
    List<NamePart> parts) {
  public NameRecord {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "NameRecord[use=" + use + ", script=" + script + ", redacted]";
  }
}
