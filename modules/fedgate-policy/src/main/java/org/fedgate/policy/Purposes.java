package org.fedgate.policy;

import java.util.Locale;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;

/** Parses purpose names from agreements, requests and the command line. */
public final class Purposes {

  private Purposes() {}

  /**
   * The purpose with this name (case-insensitive).
   *
   * @throws FedgateException FG-3005 when fedgate has no such purpose
   */
  public static Purpose parse(String name) {
    if (name != null) {
      try {
        return Purpose.valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the typed failure
      }
    }
    throw new FedgateException(
        PolicyError.UNKNOWN_PURPOSE,
        "known purposes: INVESTIGATION, PROSECUTION, VICTIM_IDENTIFICATION, VICTIM_PROTECTION,"
            + " INTELLIGENCE");
  }
}
