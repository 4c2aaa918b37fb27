package org.fedgate.gateway.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes an unexpected failure for the log without its message: exception class names and the
 * first stack frames (class, method, line). Messages are left out because libraries may put input
 * data, and so personal data, into them.
 */
public final class Failures {

  private Failures() {}

  public static String describe(Throwable t) {
    List<String> parts = new ArrayList<>();
    Throwable cur = t;
    int depth = 0;
    while (cur != null && depth++ < 4) {
      StringBuilder sb = new StringBuilder(cur.getClass().getName());
      StackTraceElement[] frames = cur.getStackTrace();
      int shown = 0;
      for (StackTraceElement f : frames) {
        if (shown == 0 || f.getClassName().startsWith("org.fedgate")) {
          sb.append(shown == 0 ? " at " : " < ")
              .append(f.getClassName())
              .append('.')
              .append(f.getMethodName())
              .append(':')
              .append(f.getLineNumber());
          if (++shown >= 4) {
            break;
          }
        }
      }
      parts.add(sb.toString());
      cur = cur.getCause() == cur ? null : cur.getCause();
    }
    return String.join(" caused by ", parts);
  }
}
