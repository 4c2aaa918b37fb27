package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** HTCDS victim fields, plus the identity non-disclosure flag. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VictimContext(
    String traffickingStatus,
    String traffickingStatusDecisionMakingOrg,
    String relationshipToTrafficker,
    Integer ageWhenTrafficked,
    List<String> methodOfRecruitment,
    List<String> recruitmentWebsitesAndApps,
    List<String> methodsOfControl,
    List<String> typeOfExploitation,
    List<String> forcedLabourIndustry,
    List<String> typeOfSexExploitation,
    List<String> exploitationWebsitesAndApps,
    Boolean identityNonDisclosure,
    String notes) {
  public VictimContext {
    methodOfRecruitment =
        methodOfRecruitment == null ? List.of() : List.copyOf(methodOfRecruitment);
    recruitmentWebsitesAndApps =
        recruitmentWebsitesAndApps == null ? List.of() : List.copyOf(recruitmentWebsitesAndApps);
    methodsOfControl = methodsOfControl == null ? List.of() : List.copyOf(methodsOfControl);
    typeOfExploitation = typeOfExploitation == null ? List.of() : List.copyOf(typeOfExploitation);
    forcedLabourIndustry =
        forcedLabourIndustry == null ? List.of() : List.copyOf(forcedLabourIndustry);
    typeOfSexExploitation =
        typeOfSexExploitation == null ? List.of() : List.copyOf(typeOfSexExploitation);
    exploitationWebsitesAndApps =
        exploitationWebsitesAndApps == null ? List.of() : List.copyOf(exploitationWebsitesAndApps);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "VictimContext[traffickingStatus=" + traffickingStatus + ", redacted]";
  }
}
