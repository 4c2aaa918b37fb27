package org.fedgate.model.audit;

import java.util.List;

/**
 * Which canonical fields (JSON Pointer paths with {@code *} for array items, never values) an
 * operation released in clear, generalised, pseudonymised or withheld.
 */
public record FieldDisposition(
    List<String> released,
    List<String> generalised,
    List<String> pseudonymised,
    List<String> withheld) {

  /** No fields (an operation that carried no record, such as an audit access). */
  public static final FieldDisposition NONE =
      new FieldDisposition(List.of(), List.of(), List.of(), List.of());

  public FieldDisposition {
    released = AuditFields.paths(released, "fields/released");
    generalised = AuditFields.paths(generalised, "fields/generalised");
    pseudonymised = AuditFields.paths(pseudonymised, "fields/pseudonymised");
    withheld = AuditFields.paths(withheld, "fields/withheld");
  }

  /** True when no path is listed at all. */
  public boolean isEmpty() {
    return released.isEmpty()
        && generalised.isEmpty()
        && pseudonymised.isEmpty()
        && withheld.isEmpty();
  }
}
