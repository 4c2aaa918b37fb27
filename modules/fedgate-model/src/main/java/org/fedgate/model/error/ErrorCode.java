package org.fedgate.model.error;

/**
 * A stable, documented failure code ({@code FG-xxxx}) with the HTTP status that fits it.
 *
 * <p>Ranges: FG-1xxx national input and translation, FG-2xxx trust (signatures, certificates,
 * directory, replay), FG-3xxx policy (agreements, minimisation, over-sharing), FG-4xxx audit,
 * FG-5xxx gateway runtime and APIs. Each range lives in its own enum in this package.
 */
public interface ErrorCode {

  /** The stable code, for example {@code FG-1001}. */
  String code();

  /** The HTTP status that an API answers with for this failure. */
  int httpStatus();

  /**
   * A short, fixed description of the failure. It never contains data from the input: it is safe
   * for logs, metric tags and error bodies.
   */
  String title();
}
