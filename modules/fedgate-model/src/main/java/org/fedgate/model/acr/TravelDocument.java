package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A travel or identity document and what happened to it (e.g. confiscated by a trafficker). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TravelDocument(
    String id,
    String kind,
    String number,
    String issuingCountry,
    PartialDate validUntil,
    String status,
    String holder) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "TravelDocument[id=" + id + ", kind=" + kind + ", redacted]";
  }
}
