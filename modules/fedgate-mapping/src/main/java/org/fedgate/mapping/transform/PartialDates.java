package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.function.Supplier;
import org.fedgate.model.error.MappingError;

/**
 * Dates with precision. The canonical form is {@code {value, precision, sourceCalendar}} where the
 * value is a Gregorian ISO 8601 date reduced to its precision (YYYY, YYYY-MM, YYYY-MM-DD).
 */
public final class PartialDates {

  /** Precision of a partial date. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  /** A parsed Gregorian partial date; month and day are 0 when not known. */
  public record PartialDate(int year, int month, int day, Precision precision) {
    public String iso() {
      return switch (precision) {
        case YEAR -> pad4(year);
        case MONTH -> pad4(year) + "-" + pad2(month);
        case DAY -> pad4(year) + "-" + pad2(month) + "-" + pad2(day);
      };
    }
  }

  static final java.util.regex.Pattern ISO =
      java.util.regex.Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");
  static final java.util.regex.Pattern DMY =
      java.util.regex.Pattern.compile("[0-9]{2}/[0-9]{2}/[0-9]{4}");

  private PartialDates() {}

  /** Checks that year/month/day exist in the proleptic Gregorian calendar. */
  public static PartialDate of(int year, int month, int day, Supplier<String> location) {
    if (year < 1 || year > 9999) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "year out of range");
    }
    if (month == 0 && day != 0) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "day given without month");
    }
    if (month == 0) {
      return new PartialDate(year, 0, 0, Precision.YEAR);
    }
    if (month < 1 || month > 12) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "month out of range");
    }
    if (day == 0) {
      return new PartialDate(year, month, 0, Precision.MONTH);
    }
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "day does not exist in that month");
    }
    return new PartialDate(year, month, day, Precision.DAY);
  }

  /** Parses a canonical partial date object (already schema-valid). */
  public static PartialDate fromCanonical(JsonNode canonical, Supplier<String> location) {
    String v = canonical.path("value").asText("");
    return parseIso(v, location);
  }

  /** Parses YYYY, YYYY-MM or YYYY-MM-DD. */
  public static PartialDate parseIso(String v, Supplier<String> location) {
    if (!ISO.matcher(v).matches()) {
      throw at(MappingError.SCHEMA_VIOLATION, location, "not a YYYY[-MM[-DD]] date");
    }
    int y = Integer.parseInt(v.substring(0, 4));
    int m = v.length() >= 7 ? Integer.parseInt(v.substring(5, 7)) : 0;
    int d = v.length() == 10 ? Integer.parseInt(v.substring(8, 10)) : 0;
    if (v.length() >= 7 && m == 0 || v.length() == 10 && d == 0) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "zero month or day");
    }
    return of(y, m, d, location);
  }

  public static ObjectNode canonical(PartialDate d, String calendar) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("value", d.iso());
    o.put("precision", d.precision().name());
    o.put("sourceCalendar", calendar);
    return o;
  }

  static String pad2(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  static String pad4(int n) {
    String s = Integer.toString(n);
    return "0000".substring(s.length()) + s;
  }

  /** ISO dates in the Gregorian calendar, partial allowed. */
  public static final class IsoDate implements Transform {
    @Override
    public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
      return canonical(parseIso(national.asText(), location), "GREGORIAN");
    }

    @Override
    public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
      return JsonNodeFactory.instance.textNode(fromCanonical(canonical, location).iso());
    }
  }

  /** Full ISO dates only (xs:date): a partial canonical date cannot be represented. */
  public static final class FullIsoDate implements Transform {
    @Override
    public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
      PartialDate d = parseIso(national.asText(), location);
      if (d.precision() != Precision.DAY) {
        throw at(MappingError.SCHEMA_VIOLATION, location, "a full date is required");
      }
      return canonical(d, "GREGORIAN");
    }

    @Override
    public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
      PartialDate d = fromCanonical(canonical, location);
      return d.precision() == Precision.DAY ? JsonNodeFactory.instance.textNode(d.iso()) : null;
    }
  }

  /** Cambodian style dd/mm/yyyy; 00 marks an unknown day or month (00/00/1990 is a year). */
  public static final class DayMonthYear implements Transform {
    @Override
    public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
      String v = national.asText();
      if (!DMY.matcher(v).matches()) {
        throw at(MappingError.SCHEMA_VIOLATION, location, "not a dd/mm/yyyy date");
      }
      int d = Integer.parseInt(v.substring(0, 2));
      int m = Integer.parseInt(v.substring(3, 5));
      int y = Integer.parseInt(v.substring(6, 10));
      return canonical(of(y, m, d, location), "GREGORIAN");
    }

    @Override
    public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
      PartialDate d = fromCanonical(canonical, location);
      return JsonNodeFactory.instance.textNode(
          pad2(d.day()) + "/" + pad2(d.month()) + "/" + pad4(d.year()));
    }
  }
}
