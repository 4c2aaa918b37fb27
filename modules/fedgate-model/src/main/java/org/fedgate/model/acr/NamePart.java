package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A typed part of a name (given, family, patronymic, particle, honorific). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NamePart(String type, String value) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "NamePart[type=" + type + ", redacted]";
  }
}
