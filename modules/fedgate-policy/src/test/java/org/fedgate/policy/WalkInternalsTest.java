package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.fedgate.model.Purpose;
import org.junit.jupiter.api.Test;

/** Shortcuts inside the walk must say exactly what the plain code they replace says. */
class WalkInternalsTest {

  private static RecordWalk walk() {
    Agreement a = ShippedAgreements.byId("TH-CCIB.KH-AHTJP").orElseThrow();
    return new RecordWalk(
        a.compiled(Purpose.INVESTIGATION), RecordWalk.Mode.CHECK, null, LocalDate.of(2026, 1, 1));
  }

  @Test
  void normaliseAsciiValue_randomValues_sameFormAndHashAsNormalise() {
    RecordWalk w = walk();
    Random r = new Random(11);
    String alphabet = "aZ09 \t\n\u000b\u001c+-._@~Ab  zY\u00e9\u0e01";
    for (int run = 0; run < 20_000; run++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(90); i > 0; i--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String v = b.toString();
      int len = w.normaliseAsciiValue(v);
      if (len < 0) {
        assertThat(v.chars().anyMatch(c -> c >= 0x80)).as(v).isTrue();
        continue;
      }
      String n = RecordWalk.normalise(v);
      assertThat(new String(w.scratchCopy(len))).as(v).isEqualTo(n);
      assertThat(w.scratchHash).as(v).isEqualTo(RecordWalk.normalisedHash(v));
      if (w.scratchSame) {
        assertThat(n).as(v).isEqualTo(v);
      }
    }
    for (String v : List.of("+855 12 555 0391", "krit.lotus", "1103700214381", "a b")) {
      assertThat(w.normaliseAsciiValue(v)).isEqualTo(v.length());
      assertThat(w.scratchSame).as(v).isTrue();
    }
    for (String v : List.of("Sok Dara", " a", "a ", "a  b", "a\tb", "a\nb")) {
      w.normaliseAsciiValue(v);
      assertThat(w.scratchSame).as(v).isFalse();
    }
  }

  @Test
  void entityNodes_flaggedInSchema() {
    CanonicalSchema s = CanonicalSchema.get();
    for (String p :
        List.of(
            "/persons/*",
            "/persons/*/identifiers/*",
            "/documents/*",
            "/relations/*",
            "/financialAccounts/*",
            "/communicationIdentifiers/*")) {
      assertThat(s.node(p).entity).as(p).isTrue();
    }
    long flagged = s.nodes().stream().filter(n -> n.entity).count();
    assertThat(flagged).isEqualTo(6);
  }
}
