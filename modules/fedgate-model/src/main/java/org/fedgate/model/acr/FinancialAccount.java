package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A bank account, wallet or card used in the case. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FinancialAccount(
    String id,
    String kind,
    String institution,
    String identifier,
    String currency,
    String country,
    String holder) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "FinancialAccount[id=" + id + ", kind=" + kind + ", redacted]";
  }
}
