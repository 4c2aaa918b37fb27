package org.fedgate.mapping.io;

import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;

/**
 * Limits on untrusted documents.
 *
 * @param maxBytes the largest accepted document (default 1 MiB)
 * @param maxDepth the deepest accepted nesting of objects, arrays or elements (default 64)
 */
public record Limits(int maxBytes, int maxDepth) {

  public static final int DEFAULT_MAX_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_DEPTH = 64;

  public Limits {
    if (maxBytes < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
  }

  void checkSize(int length) {
    if (length > maxBytes) {
      throw new FedgateException(
          MappingError.DOCUMENT_TOO_LARGE,
          "document of " + length + " bytes exceeds the limit of " + maxBytes);
    }
  }
}
