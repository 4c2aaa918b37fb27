package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/** CTDC age bands and the range of ages a partial birth date allows. */
final class AgeBands {

  private AgeBands() {}

  private static final int[] LOWER = {0, 9, 18, 21, 24, 27, 30, 39, 48};
  private static final String[] NAMES = {
    "0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"
  };

  static String band(int age) {
    for (int i = LOWER.length - 1; i >= 0; i--) {
      if (age >= LOWER[i]) {
        return NAMES[i];
      }
    }
    return null;
  }

  static boolean isMinorBand(String band) {
    return "0-8".equals(band) || "9-17".equals(band);
  }

  static boolean isAdultBand(String band) {
    for (int i = 2; i < NAMES.length; i++) {
      if (NAMES[i].equals(band)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The youngest and oldest age today of someone born on the partial date, or null when the date is
   * absent, malformed or in the future.
   */
  static int[] ageRange(JsonNode partialDate, LocalDate today) {
    if (partialDate == null || !partialDate.isObject()) {
      return null;
    }
    String v = partialDate.path("value").asText("");
    try {
      LocalDate earliest;
      LocalDate latest;
      // YYYY, YYYY-MM or YYYY-MM-DD, ASCII digits only; read by hand because a person's birth date
      // is read on every minimisation (LocalDate.of rejects a month or day out of range)
      int y = digitsAt(v, 0, 4);
      if (y < 0) {
        return null;
      }
      if (v.length() == 4) {
        earliest = LocalDate.of(y, 1, 1);
        latest = LocalDate.of(y, 12, 31);
      } else if (v.length() == 7 && v.charAt(4) == '-' && digitsAt(v, 5, 2) >= 0) {
        YearMonth ym = YearMonth.of(y, digitsAt(v, 5, 2));
        earliest = ym.atDay(1);
        latest = ym.atEndOfMonth();
      } else if (v.length() == 10
          && v.charAt(4) == '-'
          && v.charAt(7) == '-'
          && digitsAt(v, 5, 2) >= 0
          && digitsAt(v, 8, 2) >= 0) {
        earliest = LocalDate.of(y, digitsAt(v, 5, 2), digitsAt(v, 8, 2));
        latest = earliest;
      } else {
        return null;
      }
      if (earliest.isAfter(today)) {
        return null;
      }
      int min = latest.isAfter(today) ? 0 : Period.between(latest, today).getYears();
      int max = Period.between(earliest, today).getYears();
      return new int[] {min, max};
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The number written by {@code n} ASCII digits from {@code from}, or -1. */
  private static int digitsAt(String v, int from, int n) {
    if (v.length() < from + n) {
      return -1;
    }
    int x = 0;
    for (int i = from; i < from + n; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  /** The band when the whole age range falls in one band, else null (ambiguous). */
  static String bandOf(JsonNode partialDate, LocalDate today) {
    int[] r = ageRange(partialDate, today);
    if (r == null) {
      return null;
    }
    String lo = band(r[0]);
    return lo != null && lo.equals(band(r[1])) ? lo : null;
  }
}
