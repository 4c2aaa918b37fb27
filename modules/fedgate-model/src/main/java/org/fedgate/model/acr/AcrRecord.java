package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An ASEAN Case Record (ACR 1.0), the canonical regional record; see {@code
 * schemas/canonical/acr-1.0.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AcrRecord(
    String acrVersion,
    String recordId,
    Provenance provenance,
    @JsonProperty("case") CaseInfo caseInfo,
    List<Event> events,
    List<Person> persons,
    List<Organisation> organisations,
    List<FinancialAccount> financialAccounts,
    List<CommunicationIdentifier> communicationIdentifiers,
    List<TravelDocument> documents,
    List<Relation> relations) {
  public AcrRecord {
    events = events == null ? List.of() : List.copyOf(events);
    persons = persons == null ? List.of() : List.copyOf(persons);
    organisations = organisations == null ? List.of() : List.copyOf(organisations);
    financialAccounts = financialAccounts == null ? List.of() : List.copyOf(financialAccounts);
    communicationIdentifiers =
        communicationIdentifiers == null ? List.of() : List.copyOf(communicationIdentifiers);
    documents = documents == null ? List.of() : List.copyOf(documents);
    relations = relations == null ? List.of() : List.copyOf(relations);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "AcrRecord[recordId=" + recordId + ", persons=" + persons.size() + "]";
  }
}
