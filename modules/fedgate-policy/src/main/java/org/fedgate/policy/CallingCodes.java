package org.fedgate.policy;

import java.util.Set;

/**
 * Finds the international calling code of an E.164 phone number. ITU-T E.164 codes are prefix-free:
 * 1 and 7 stand alone, the listed two-digit codes are whole, and the other two-digit families take
 * a third digit.
 */
final class CallingCodes {

  private CallingCodes() {}

  private static final Set<String> TWO_DIGIT =
      Set.of(
          "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
          "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
          "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

  private static final Set<String> THREE_DIGIT_FAMILIES =
      Set.of(
          "21", "22", "23", "24", "25", "26", "28", "29", "35", "37", "38", "42", "50", "59", "67",
          "68", "69", "80", "85", "87", "88", "96", "97", "99");

  /** The code with a leading plus (e.g. {@code +66}), or null when the value is no E.164 number. */
  static String of(String phone) {
    if (phone == null) {
      return null;
    }
    String s = phone.trim();
    if (!s.startsWith("+") && !s.startsWith("00")) {
      return null;
    }
    StringBuilder digits = new StringBuilder(16);
    for (int i = s.startsWith("+") ? 1 : 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
        return null;
      }
    }
    String d = digits.toString();
    if (d.length() <= 3 && s.equals("+" + d)) {
      // already a calling code: generalising it again gives itself
      return isCode(d) ? s : null;
    }
    if (d.length() < 7 || d.length() > 15) {
      return null;
    }
    if (d.charAt(0) == '1' || d.charAt(0) == '7') {
      return "+" + d.charAt(0);
    }
    String two = d.substring(0, 2);
    if (TWO_DIGIT.contains(two)) {
      return "+" + two;
    }
    if (THREE_DIGIT_FAMILIES.contains(two)) {
      return "+" + d.substring(0, 3);
    }
    return null;
  }

  private static boolean isCode(String d) {
    return switch (d.length()) {
      case 1 -> d.equals("1") || d.equals("7");
      case 2 -> TWO_DIGIT.contains(d);
      case 3 -> THREE_DIGIT_FAMILIES.contains(d.substring(0, 2));
      default -> false;
    };
  }
}
