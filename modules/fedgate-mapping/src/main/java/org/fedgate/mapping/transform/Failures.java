package org.fedgate.mapping.transform;

import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;

/** Builds typed failures whose detail holds a location and a reason only. */
public final class Failures {
  private Failures() {}

  public static FedgateException at(MappingError code, String location, String reason) {
    return new FedgateException(code, "at " + location + ": " + reason);
  }

  public static FedgateException at(
      MappingError code, java.util.function.Supplier<String> location, String reason) {
    return at(code, location.get(), reason);
  }
}
