package org.fedgate.model.policy;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
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
    // a list sealed by a Builder is already immutable and null-free: no second copy
    fields = fields instanceof Sealed ? fields : List.copyOf(fields);
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

  /**
   * Collects the decisions of one minimisation and hands them to a report without copying them
   * again. Not thread-safe; once {@link #build} has run the builder refuses further use, so the
   * report's list can never change.
   */
  public static final class Builder {

    private FieldDecision[] items;
    private int size;

    /** A builder with room for {@code expected} decisions (it grows past that). */
    public Builder(int expected) {
      items = new FieldDecision[Math.max(expected, 8)];
    }

    /** Appends a decision. */
    public void add(FieldDecision decision) {
      Objects.requireNonNull(decision, "decision");
      FieldDecision[] a = open();
      if (size == a.length) {
        a = items = Arrays.copyOf(a, a.length * 2);
      }
      a[size++] = decision;
    }

    /** The number of decisions so far. */
    public int size() {
      return size;
    }

    /** The decision at a position. */
    public FieldDecision get(int index) {
      Objects.checkIndex(index, size);
      return open()[index];
    }

    /** Replaces the decision at a position (a later rule overruling an earlier one). */
    public void set(int index, FieldDecision decision) {
      Objects.requireNonNull(decision, "decision");
      Objects.checkIndex(index, size);
      open()[index] = decision;
    }

    /** The report; the builder cannot be used afterwards. */
    public MinimisationReport build(String agreementId, String agreementVersion, Purpose purpose) {
      FieldDecision[] a = open();
      items = null;
      return new MinimisationReport(agreementId, agreementVersion, purpose, new Sealed(a, size));
    }

    private FieldDecision[] open() {
      FieldDecision[] a = items;
      if (a == null) {
        throw new IllegalStateException("report already built");
      }
      return a;
    }
  }

  /** The immutable list a Builder seals: only a Builder makes one, and nothing else writes it. */
  private static final class Sealed extends AbstractList<FieldDecision> implements RandomAccess {

    private final FieldDecision[] items;
    private final int size;

    Sealed(FieldDecision[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public FieldDecision get(int index) {
      Objects.checkIndex(index, size);
      return items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
