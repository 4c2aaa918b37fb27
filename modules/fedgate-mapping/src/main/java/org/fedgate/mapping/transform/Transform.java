package org.fedgate.mapping.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * A reusable value transform between a national value and its canonical form. Implementations are
 * stateless and thread-safe. Failures are thrown as {@code FedgateException} with a {@code
 * MappingError} whose detail names only {@code location} and a reason, never the value.
 */
public interface Transform {

  /** National value to canonical value. */
  JsonNode toCanonical(JsonNode national, Supplier<String> location);

  /**
   * Canonical value to national value, or {@code null} when the national format cannot represent it
   * (the engine then lists the canonical path as unmapped).
   */
  JsonNode toNational(JsonNode canonical, Supplier<String> location);
}
