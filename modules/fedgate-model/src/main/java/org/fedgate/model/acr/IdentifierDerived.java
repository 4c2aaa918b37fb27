package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Attributes decoded from an identifier (birth date, gender, region, holder type). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IdentifierDerived(
    PartialDate birthDate, String gender, AdminArea region, String holderType) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "IdentifierDerived[redacted]";
  }
}
