package org.fedgate.policy;

import java.util.List;
import java.util.Set;
import org.fedgate.model.DataSubjectCategory;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.FieldAction;

/**
 * An agreement's rules resolved, for one purpose, to one effective rule per canonical schema node
 * and data-subject category, so that minimising a record is a walk with array look-ups.
 */
final class CompiledPolicy {

  static final int NO_CATEGORY = DataSubjectCategory.values().length;
  private static final int SLOTS = NO_CATEGORY + 1;

  static final String BASE_STRUCTURAL = "BASE-STRUCTURAL";
  static final String BASE_PROTECTION = "BASE-PROTECTION";

  /** Fields a valid record needs and that carry no personal data; used when no rule speaks. */
  private static final Set<String> STRUCTURAL =
      Set.of(
          "/acrVersion",
          "/recordId",
          "/provenance/sourceAgency",
          "/case/reference",
          "/persons/*/id",
          "/persons/*/category");

  /**
   * Fields the receiver needs to protect a person in turn; they always flow with a released person,
   * whatever the agreement says.
   */
  private static final Set<String> PROTECTION =
      Set.of("/persons/*/minorStatus", "/persons/*/victimContext/identityNonDisclosure");

  private final Agreement agreement;
  private final Purpose purpose;
  private final Rule[] table;
  // entries in the last report made under this policy: the next report starts that large (a hint
  // read and written without locks; a stale value costs one array growth at most)
  private int reportSizeHint = 64;

  private CompiledPolicy(Agreement agreement, Purpose purpose, Rule[] table) {
    this.agreement = agreement;
    this.purpose = purpose;
    this.table = table;
  }

  Agreement agreement() {
    return agreement;
  }

  Purpose purpose() {
    return purpose;
  }

  int reportSizeHint() {
    return reportSizeHint;
  }

  void reportSize(int entries) {
    if (entries != reportSizeHint) {
      reportSizeHint = Math.min(Math.max(entries, 8), 1 << 16);
    }
  }

  /** The effective rule for a node and category slot, or null (default: withhold). */
  Rule rule(CanonicalSchema.Node node, int slot) {
    return table[node.index * SLOTS + slot];
  }

  static CompiledPolicy compile(Agreement agreement, Purpose purpose) {
    CanonicalSchema schema = CanonicalSchema.get();
    List<CanonicalSchema.Node> nodes = schema.nodes();
    Rule[] table = new Rule[nodes.size() * SLOTS];
    DataSubjectCategory[] cats = DataSubjectCategory.values();
    for (CanonicalSchema.Node n : nodes) {
      for (int s = 0; s < SLOTS; s++) {
        DataSubjectCategory cat = s == NO_CATEGORY ? null : cats[s];
        table[n.index * SLOTS + s] = resolve(agreement.rules(), purpose, n, cat);
      }
    }
    // A birth date generalised to an age band surfaces as /persons/*/ageBand.
    CanonicalSchema.Node dob = schema.node("/persons/*/dateOfBirth");
    CanonicalSchema.Node band = schema.node("/persons/*/ageBand");
    for (int s = 0; s < SLOTS; s++) {
      Rule d = table[dob.index * SLOTS + s];
      Rule b = table[band.index * SLOTS + s];
      if (d != null
          && d.action() == FieldAction.GENERALISE
          && (b == null || b.action() == FieldAction.WITHHOLD)) {
        table[band.index * SLOTS + s] =
            new Rule(
                d.id(), band.path, FieldAction.RELEASE, null, d.purposes(), d.categories(), false);
      }
    }
    return new CompiledPolicy(agreement, purpose, table);
  }

  private static Rule resolve(
      List<Rule> rules, Purpose purpose, CanonicalSchema.Node n, DataSubjectCategory cat) {
    if (PROTECTION.contains(n.path)) {
      return new Rule(
          BASE_PROTECTION, n.path, FieldAction.RELEASE, null, Set.of(), Set.of(), false);
    }
    Rule best = null;
    for (Rule r : rules) {
      if (!r.appliesTo(purpose)) {
        continue;
      }
      if (!r.categories().isEmpty() && (cat == null || !r.categories().contains(cat))) {
        continue;
      }
      boolean exact = n.path.equals(r.path());
      if (!exact && !n.path.startsWith(r.path() + "/")) {
        continue;
      }
      // free text leaves only a rule that names it, never a rule on an enclosing object
      if (n.kind == CanonicalSchema.Kind.FREE_TEXT && !exact) {
        continue;
      }
      if (best == null || better(r, best)) {
        best = r;
      }
    }
    if (best == null && STRUCTURAL.contains(n.path)) {
      return new Rule(
          BASE_STRUCTURAL, n.path, FieldAction.RELEASE, null, Set.of(), Set.of(), false);
    }
    return best;
  }

  private static boolean better(Rule candidate, Rule current) {
    if (candidate.path().length() != current.path().length()) {
      return candidate.path().length() > current.path().length();
    }
    // a rule for the category beats a rule for everyone on the same path; otherwise first wins
    return !candidate.categories().isEmpty() && current.categories().isEmpty();
  }
}
