package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An organisation: criminal group, scam compound, company, NGO, agency. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Organisation(
    String id,
    String name,
    String type,
    String country,
    String registrationNumber,
    Address address,
    String phone) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "Organisation[id=" + id + ", type=" + type + "]";
  }
}
