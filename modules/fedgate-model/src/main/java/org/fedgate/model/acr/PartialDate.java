package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Gregorian date reduced to its precision (YYYY, YYYY-MM, YYYY-MM-DD) and the calendar it was
 * recorded in.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PartialDate(String value, String precision, String sourceCalendar) {
  /** Ids and codes only: never personal data. */
  @Override
  public String toString() {
    return "PartialDate[precision=" + precision + ", redacted]";
  }
}
