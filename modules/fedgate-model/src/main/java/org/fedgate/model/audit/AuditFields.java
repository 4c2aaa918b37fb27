package org.fedgate.model.audit;

import java.util.List;
import java.util.regex.Pattern;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * Shared validation for audit values. The patterns are deliberately narrow (identifier-like, no
 * spaces) so that free text, names or dates cannot be smuggled into the trail by a careless caller.
 */
final class AuditFields {

  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#()\\-]{0,127}");
  static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+:@\\-]{0,63}");
  static final Pattern OFFICER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@\\-]{0,63}");
  static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  static final Pattern ERROR_CODE = Pattern.compile("FG-[0-9]{4}");
  // canonical JSON Pointer paths with * for array items; property names only, never values
  static final Pattern PATH = Pattern.compile("(/([A-Za-z][A-Za-z0-9_\\-]{0,63}|\\*))+");
  static final int MAX_PATHS = 2000;
  static final int MAX_RECIPIENTS = 64;

  private AuditFields() {}

  static String optional(String value, Pattern pattern, String field) {
    if (value == null) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      throw invalid(field + ": does not match " + patternName(pattern));
    }
    return value;
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid(field + ": required");
    }
    return value;
  }

  static List<String> paths(List<String> paths, String field) {
    if (paths == null) {
      return List.of();
    }
    if (paths.size() > MAX_PATHS) {
      throw invalid(field + ": more than " + MAX_PATHS + " paths");
    }
    for (int i = 0; i < paths.size(); i++) {
      String p = paths.get(i);
      if (p == null || p.length() > 512 || !isCanonicalPath(p)) {
        throw invalid(field + "/" + i + ": not a canonical path");
      }
    }
    return List.copyOf(paths);
  }

  /**
   * Whether {@code p} matches {@link #PATH}, written out: a disclosure entry lists a few hundred
   * paths, checked on the audit writer's single thread, where the regular expression was 1% of the
   * load's CPU. {@code AuditFieldsTest} checks that both agree.
   */
  static boolean isCanonicalPath(String p) {
    int n = p.length();
    if (n == 0) {
      return false;
    }
    int i = 0;
    while (i < n) {
      if (p.charAt(i) != '/') {
        return false;
      }
      i++;
      if (i < n && p.charAt(i) == '*') {
        i++;
        continue; // "*" is a whole segment: a '/' or the end must follow
      }
      if (i == n || !isAsciiLetter(p.charAt(i))) {
        return false;
      }
      int start = i++;
      while (i < n && p.charAt(i) != '/') {
        char c = p.charAt(i);
        if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
          return false;
        }
        i++;
      }
      if (i - start > 64) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static FedgateException invalid(String detail) {
    return new FedgateException(AuditError.INVALID_ENTRY, detail);
  }

  private static String patternName(Pattern p) {
    if (p == IDENTIFIER) {
      return "identifier";
    } else if (p == VERSION) {
      return "version";
    } else if (p == OFFICER) {
      return "officer id";
    } else if (p == ROLE) {
      return "role";
    } else if (p == DIGEST) {
      return "lowercase hex SHA-256";
    } else if (p == ERROR_CODE) {
      return "FG-xxxx";
    }
    return "pattern";
  }
}
