package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A phone number, messaging or social handle, site or address used in the case. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CommunicationIdentifier(
    String id,
    String kind,
    String platform,
    String value,
    String country,
    Boolean usedInScam,
    String user) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "CommunicationIdentifier[id=" + id + ", kind=" + kind + ", redacted]";
  }
}
