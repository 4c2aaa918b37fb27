package org.fedgate.model.policy;

import java.util.Objects;

/**
 * The treatment of one leaf of a canonical record: its concrete JSON Pointer, its canonical path
 * ({@code *} for array items), the action and the id of the rule that decided it. Never a value.
 */
public record FieldDecision(String path, String canonicalPath, FieldAction action, String ruleId) {

  public FieldDecision {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(canonicalPath, "canonicalPath");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(ruleId, "ruleId");
  }
}
