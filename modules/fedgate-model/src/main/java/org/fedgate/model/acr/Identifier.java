package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An official identifier: scheme, value, validation result and attributes decoded from it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Identifier(
    String scheme,
    String issuingCountry,
    String value,
    String validation,
    IdentifierDerived derived) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "Identifier[scheme=" + scheme + ", validation=" + validation + ", redacted]";
  }
}
