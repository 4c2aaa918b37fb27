package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.policy.FieldDecision;

/** Properties over generated records, for every shipped agreement and purpose. */
class MinimisationPropertiesTest {

  private static final List<Object[]> PAIRS = Fixtures.agreementPurposes();
  private final Minimiser minimiser = Fixtures.minimiser();
  private final OverSharingCheck check = new OverSharingCheck(Fixtures.CLOCK);

  @Property(tries = 30)
  void output_neverHoldsAPathTheRulesDoNotRelease(@ForAll long seed) {
    JsonNode in = RecordGenerator.generate(seed).record();
    assertThat(AcrSchema.errors(in)).isEmpty();
    for (Object[] ap : PAIRS) {
      Agreement a = (Agreement) ap[0];
      Purpose p = (Purpose) ap[1];
      MinimisationResult r = minimiser.minimise(a, p, Fixtures.LEGAL_BASIS, in);
      Set<String> released = new HashSet<>();
      for (FieldDecision f : r.report().fields()) {
        if (f.action() != FieldAction.WITHHOLD) {
          released.add(f.canonicalPath());
        }
      }
      // the two fields the minimiser writes itself: the age band of a generalised birth date and
      // the protection status the receiver needs
      released.add("/persons/*/ageBand");
      released.add("/persons/*/minorStatus");
      for (String leaf : canonicalLeaves(r.record(), "")) {
        assertThat(released).as(a.id() + " " + p).contains(leaf);
      }
      assertThat(check.offendingPaths(a, p, r.record())).as(a.id() + " " + p).isEmpty();
    }
  }

  @Property(tries = 30)
  void protectedPersonsName_neverAppearsUnderAnyAgreementAndPurpose(@ForAll long seed) {
    RecordGenerator.Generated g = RecordGenerator.generate(seed);
    for (Object[] ap : PAIRS) {
      MinimisationResult r =
          minimiser.minimise((Agreement) ap[0], (Purpose) ap[1], Fixtures.LEGAL_BASIS, g.record());
      for (String s : Fixtures.strings(r.record())) {
        for (String name : g.protectedNames()) {
          assertThat(s).as(ap[0] + " " + ap[1]).isNotEqualToIgnoringCase(name);
          if (name.contains(" ")) {
            assertThat(s.toLowerCase()).doesNotContain(name.toLowerCase());
          }
        }
      }
    }
  }

  @Property(tries = 30)
  void pseudonyms_stableWithinAnAgreement_differentAcrossAgreements(@ForAll long seed) {
    JsonNode in = RecordGenerator.generate(seed).record();
    Agreement thKh = Fixtures.agreement("TH-CCIB.KH-AHTJP");
    Agreement thId = Fixtures.agreement("TH-CCIB.ID-BARESKRIM");
    Purpose vp = Purpose.VICTIM_PROTECTION;
    JsonNode first = minimiser.minimise(thKh, vp, Fixtures.LEGAL_BASIS, in).record();
    JsonNode again = minimiser.minimise(thKh, vp, "another request", in.deepCopy()).record();
    assertThat(again).isEqualTo(first);
    Set<String> tokensKh = tokens(first);
    Set<String> tokensId = tokens(minimiser.minimise(thId, vp, Fixtures.LEGAL_BASIS, in).record());
    if (!tokensId.isEmpty()) {
      assertThat(tokensKh).doesNotContainAnyElementsOf(tokensId);
    }
    // the same value under the two agreements' keys
    String value = in.at("/persons/0/names/0/full").asText();
    String d = "/persons/*/names/*/full";
    PseudonymKey k1 = Fixtures.KEYS.keyFor(thKh).orElseThrow();
    PseudonymKey k2 = Fixtures.KEYS.keyFor(thId).orElseThrow();
    assertThat(k1.token(d, value)).isEqualTo(k1.token(d, value)).isNotEqualTo(k2.token(d, value));
  }

  private static Set<String> tokens(JsonNode n) {
    Set<String> out = new HashSet<>();
    for (String s : Fixtures.strings(n)) {
      if (PseudonymKey.isToken(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> canonicalLeaves(JsonNode n, String path) {
    List<String> out = new java.util.ArrayList<>();
    if (n.isObject()) {
      n.fields()
          .forEachRemaining(
              e -> out.addAll(canonicalLeaves(e.getValue(), path + "/" + e.getKey())));
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        out.addAll(canonicalLeaves(c, path + "/*"));
      }
    } else {
      out.add(path);
    }
    return out;
  }
}
