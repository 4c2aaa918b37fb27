package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.fedgate.model.DataSubjectCategory;

/**
 * A data subject; its category keeps suspects, victims and witnesses distinct (LED Art. 6). Its
 * string form never shows personal data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Person(
    String id,
    DataSubjectCategory category,
    List<NameRecord> names,
    Boolean mononym,
    PartialDate dateOfBirth,
    String ageBand,
    String minorStatus,
    String gender,
    List<String> citizenships,
    String primaryLanguage,
    List<Identifier> identifiers,
    List<Contact> contacts,
    List<Address> addresses,
    VictimContext victimContext,
    PerpetratorContext perpetratorContext,
    String notes) {
  public Person {
    names = names == null ? List.of() : List.copyOf(names);
    citizenships = citizenships == null ? List.of() : List.copyOf(citizenships);
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "Person[id=" + id + ", category=" + category + "]";
  }
}
