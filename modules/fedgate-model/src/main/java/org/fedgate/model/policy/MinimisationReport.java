package org.fedgate.model.policy;

import java.util.List;
import java.util.Objects;
import org.fedgate.model.Purpose;

/**
 * What minimisation did to every leaf of one canonical record, under which agreement (id and
 * version) and purpose. It holds paths, actions and rule ids only, never values, so the audit trail
 * can store it.
 */
public record MinimisationReport(
    String agreementId, String agreementVersion, Purpose purpose, List<FieldDecision> fields) {

  public MinimisationReport {
    Objects.requireNonNull(agreementId, "agreementId");
    Objects.requireNonNull(agreementVersion, "agreementVersion");
    Objects.requireNonNull(purpose, "purpose");
    fields = List.copyOf(fields);
  }

  /** The concrete paths that left in any form (released, generalised or pseudonymised). */
  public List<String> disclosedPaths() {
    return fields.stream()
        .filter(f -> f.action() != FieldAction.WITHHOLD)
        .map(FieldDecision::path)
        .toList();
  }

  /** The concrete paths that were withheld. */
  public List<String> withheldPaths() {
    return fields.stream()
        .filter(f -> f.action() == FieldAction.WITHHOLD)
        .map(FieldDecision::path)
        .toList();
  }

  /** The number of leaves with the given action. */
  public long count(FieldAction action) {
    return fields.stream().filter(f -> f.action() == action).count();
  }
}
