package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A recruitment, transit, exploitation, rescue or arrest event with place and partial date. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Event(
    String id,
    String type,
    String country,
    AdminArea adminArea,
    String city,
    PartialDate date,
    List<String> persons,
    String description) {
  public Event {
    persons = persons == null ? List.of() : List.copyOf(persons);
  }

  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "Event[id=" + id + ", type=" + type + "]";
  }
}
