package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** HTCDS perpetrator roles, extended for scam compounds. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PerpetratorContext(
    List<String> rolesInProcess, String organisation, String roleDetails) {
  public PerpetratorContext {
    rolesInProcess = rolesInProcess == null ? List.of() : List.copyOf(rolesInProcess);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "PerpetratorContext[rolesInProcess=" + rolesInProcess + ", redacted]";
  }
}
