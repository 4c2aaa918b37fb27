package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.function.Supplier;
import org.fedgate.mapping.transform.PartialDates.PartialDate;
import org.fedgate.model.error.MappingError;

/**
 * Thai Buddhist Era dates, written BE YYYY[-MM[-DD]].
 *
 * <p>BE = CE + 543, except that before 1941 the Thai year began on 1 April, so a January-March date
 * before 1941 has BE = CE + 542. BE 2483 was shortened to April-December 1940 (1 January 1941 began
 * BE 2484), so BE 2483 January-March does not exist. Java's ThaiBuddhistChronology is exact only
 * from 1941 on, hence this class. A year-only BE date before 2484 is taken as its April- December
 * part (CE = BE - 543), which round-trips.
 */
public final class BuddhistEra implements Transform {

  /** The first BE year that began on 1 January. */
  static final int FIRST_JANUARY_YEAR_BE = 2484;

  /** Converts a BE date to its Gregorian date; throws FG-1007 for a date that does not exist. */
  public static PartialDate toGregorian(int beYear, int month, int day, Supplier<String> location) {
    int ce;
    if (month >= 1 && month <= 3 && beYear < FIRST_JANUARY_YEAR_BE) {
      if (beYear == FIRST_JANUARY_YEAR_BE - 1) {
        throw at(MappingError.IMPOSSIBLE_DATE, location, "BE 2483 has no January to March");
      }
      ce = beYear - 542;
    } else {
      ce = beYear - 543;
    }
    return PartialDates.of(ce, month, day, location);
  }

  /** The BE year of a Gregorian date (month 0 = year only). */
  public static int beYear(int ceYear, int month) {
    return month >= 1 && month <= 3 && ceYear < 1941 ? ceYear + 542 : ceYear + 543;
  }

  @Override
  public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
    String v = national.asText();
    if (!PartialDates.ISO.matcher(v).matches()) {
      throw at(MappingError.SCHEMA_VIOLATION, location, "not a BE YYYY[-MM[-DD]] date");
    }
    int y = Integer.parseInt(v.substring(0, 4));
    int m = v.length() >= 7 ? Integer.parseInt(v.substring(5, 7)) : 0;
    int d = v.length() == 10 ? Integer.parseInt(v.substring(8, 10)) : 0;
    if (v.length() >= 7 && m == 0 || v.length() == 10 && d == 0) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "zero month or day");
    }
    if (y < 1000) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "BE year out of range");
    }
    return PartialDates.canonical(toGregorian(y, m, d, location), "THAI_BUDDHIST");
  }

  @Override
  public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
    PartialDate d = PartialDates.fromCanonical(canonical, location);
    String be = PartialDates.pad4(beYear(d.year(), d.month()));
    String text =
        switch (d.precision()) {
          case YEAR -> be;
          case MONTH -> be + "-" + PartialDates.pad2(d.month());
          case DAY -> be + "-" + PartialDates.pad2(d.month()) + "-" + PartialDates.pad2(d.day());
        };
    return JsonNodeFactory.instance.textNode(text);
  }
}
