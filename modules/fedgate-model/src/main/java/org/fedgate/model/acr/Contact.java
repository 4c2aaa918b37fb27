package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A contact point of a person (phone, e-mail, messaging handle). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Contact(String type, String platform, String value) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "Contact[type=" + type + ", redacted]";
  }
}
