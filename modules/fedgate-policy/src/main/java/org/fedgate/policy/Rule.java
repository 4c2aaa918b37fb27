package org.fedgate.policy;

import java.util.Objects;
import java.util.Set;
import org.fedgate.model.DataSubjectCategory;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.FieldAction;

/**
 * One per-field rule of an agreement: a canonical path, an action and its scope.
 *
 * @param id rule id, reported for every field it decides
 * @param path canonical path (JSON Pointer, {@code *} for array items); covers the subtree
 * @param action what to do
 * @param generaliseTo for GENERALISE only, otherwise null
 * @param purposes the purposes it applies to; empty means every purpose of the agreement
 * @param categories the data-subject categories it applies to; empty means all
 * @param protectedVictims true when the agreement explicitly lets this PSEUDONYMISE rule apply to
 *     minors, victims of unknown age and non-disclosure victims
 */
public record Rule(
    String id,
    String path,
    FieldAction action,
    Generalisation generaliseTo,
    Set<Purpose> purposes,
    Set<DataSubjectCategory> categories,
    boolean protectedVictims) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(action, "action");
    purposes = Set.copyOf(purposes);
    categories = Set.copyOf(categories);
  }

  boolean appliesTo(Purpose purpose) {
    return purposes.isEmpty() || purposes.contains(purpose);
  }
}
