package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.policy.FieldDecision;
import org.junit.jupiter.api.Test;

/**
 * The production walk against its frozen reference ({@link ReferenceWalk}, the walk before the
 * minimisation plan) on generated and mutated records under every shipped agreement and purpose:
 * the minimised record byte for byte, the report entry for entry, the over-sharing verdicts path
 * for path, and the same error where either throws. The production minimiser keeps its caches
 * across all cases (as a gateway would), so a decision cached for one record, person or policy that
 * leaked into another would show here.
 */
class DifferentialTest {

  /** Seeds swept on every build; each seed is one record compared under every pair. */
  static final int SEEDS = 800;

  private static final List<Object[]> PAIRS = Fixtures.agreementPurposes();
  private static final List<JsonNode> SAMPLES =
      List.of(
          Fixtures.sample("raid-scam-compound"),
          Fixtures.sample("victim-referral"),
          Fixtures.sample("money-mule-network"));

  private final Minimiser minimiser = Fixtures.minimiser();
  private final OverSharingCheck check = new OverSharingCheck(Fixtures.CLOCK);
  private final ReferenceMinimiser reference =
      new ReferenceMinimiser(Fixtures.KEYS, Fixtures.CLOCK);
  private int compared;

  @Test
  void minimiseAndCheck_generatedAndMutatedRecords_sameAsReference() {
    for (long seed = 0; seed < SEEDS; seed++) {
      compareAll(record(seed), seed);
    }
    // minimise, check of the input, check of the output, check of a mutated output
    assertThat(compared).isEqualTo(SEEDS * PAIRS.size() * 4);
  }

  @Property(tries = 60)
  void minimiseAndCheck_randomSeed_sameAsReference(@ForAll long seed) {
    compareAll(record(seed), seed);
  }

  @Test
  void minimise_sameRecordsAgainInAnotherOrder_sameAsReference() {
    // the shared caches now hold what the other records left: walk them backwards
    for (long seed = 100; seed >= 0; seed--) {
      compareAll(record(seed), seed);
    }
  }

  static JsonNode record(long seed) {
    JsonNode base =
        switch ((int) Math.floorMod(seed, 5L)) {
          case 0, 1 -> RecordGenerator.generate(seed).record();
          default -> SAMPLES.get((int) Math.floorMod(seed, 5L) - 2);
        };
    // one record in eight goes as it is
    return Math.floorMod(seed, 8L) == 7 ? base.deepCopy() : RecordMutator.mutate(base, seed, 8);
  }

  private void compareAll(JsonNode in, long seed) {
    for (Object[] ap : PAIRS) {
      Agreement a = (Agreement) ap[0];
      Purpose p = (Purpose) ap[1];
      String where = "seed " + seed + " " + a.id() + " " + p;
      Outcome expected = outcome(() -> reference.minimise(a, p, Fixtures.LEGAL_BASIS, in));
      Outcome actual = outcome(() -> minimiser.minimise(a, p, Fixtures.LEGAL_BASIS, in));
      assertSame(where + " minimise", actual, expected);
      compareCheck(a, p, in, where + " check(input)");
      if (expected.result != null) {
        JsonNode out = expected.result.record();
        compareCheck(a, p, out, where + " check(output)");
        JsonNode mutated =
            out instanceof ObjectNode o ? RecordMutator.mutate(o, seed * 31 + 7, 3) : out;
        compareCheck(a, p, mutated, where + " check(mutated output)");
      } else {
        compared += 2;
      }
    }
  }

  private void compareCheck(Agreement a, Purpose p, JsonNode in, String where) {
    Outcome expected = outcome(() -> reference.offendingPaths(a, p, in));
    Outcome actual = outcome(() -> check.offendingPaths(a, p, in));
    assertSame(where, actual, expected);
  }

  private void assertSame(String where, Outcome actual, Outcome expected) {
    compared++;
    assertThat(actual.error).as(where + " error").isEqualTo(expected.error);
    assertThat(actual.paths).as(where + " offending paths").isEqualTo(expected.paths);
    if (expected.result == null) {
      assertThat(actual.result).as(where).isNull();
      return;
    }
    byte[] want = bytes(expected.result.record());
    byte[] got = bytes(actual.result.record());
    if (!java.util.Arrays.equals(got, want)) {
      assertThat(new String(got, java.nio.charset.StandardCharsets.UTF_8))
          .as(where + " record")
          .isEqualTo(new String(want, java.nio.charset.StandardCharsets.UTF_8));
    }
    List<FieldDecision> wantFields = expected.result.report().fields();
    List<FieldDecision> gotFields = actual.result.report().fields();
    if (!gotFields.equals(wantFields)) {
      assertThat(gotFields).as(where + " report").containsExactlyElementsOf(wantFields);
    }
    assertThat(actual.result.report()).as(where + " report").isEqualTo(expected.result.report());
  }

  private record Outcome(MinimisationResult result, List<String> paths, String error) {}

  @SuppressWarnings("unchecked")
  private static Outcome outcome(Supplier<?> op) {
    try {
      Object r = op.get();
      return r instanceof MinimisationResult m
          ? new Outcome(m, null, null)
          : new Outcome(null, (List<String>) r, null);
    } catch (FedgateException e) {
      return new Outcome(null, null, e.code() + " " + e.getMessage());
    } catch (RuntimeException e) {
      return new Outcome(
          null, null, e.getClass().getName() + " " + Objects.toString(e.getMessage()));
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return Fixtures.JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
