package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The case: reference, status (HTCDS), offences, exploitation types, ISIC labour sectors, summary
 * (free text).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CaseInfo(
    String reference,
    String status,
    PartialDate openedOn,
    List<Offence> offences,
    List<String> exploitationTypes,
    List<String> labourSectors,
    String summary) {
  public CaseInfo {
    offences = offences == null ? List.of() : List.copyOf(offences);
    exploitationTypes = exploitationTypes == null ? List.of() : List.copyOf(exploitationTypes);
    labourSectors = labourSectors == null ? List.of() : List.copyOf(labourSectors);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "CaseInfo[reference=" + reference + ", status=" + status + "]";
  }
}
