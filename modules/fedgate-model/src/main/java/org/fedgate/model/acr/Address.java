package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A postal address. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Address(
    String type,
    String street,
    String city,
    AdminArea adminArea,
    String postalCode,
    String country) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "Address[type=" + type + ", redacted]";
  }
}
