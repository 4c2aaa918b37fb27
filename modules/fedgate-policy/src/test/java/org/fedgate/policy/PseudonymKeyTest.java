package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Token shapes and stability. */
class PseudonymKeyTest {

  @Test
  void isToken_shapes_matchThePattern() {
    String ok = "fgp1_" + "AbcdEFGH0123456789_-xy";
    for (String s :
        new String[] {
          ok,
          ok.substring(1),
          ok + "a",
          "fgp2_" + ok.substring(5),
          ok.replace('A', '+'),
          ok.replace('x', '\u00e9'),
          ok.replace('y', '='),
          "",
          "FGP1_" + ok.substring(5)
        }) {
      assertThat(PseudonymKey.isToken(s)).as(s).isEqualTo(PseudonymKey.TOKEN.matcher(s).matches());
    }
    assertThat(PseudonymKey.isToken(ok)).isTrue();
    assertThat(PseudonymKey.isToken(null)).isFalse();
  }

  @Test
  void token_sameValueAndDomain_stableAndNormalised() {
    PseudonymKey key =
        PseudonymKey.of("a test key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    assertThat(key.token("/persons/*/names/*/full", "Ana  Testova"))
        .isEqualTo(key.token("/persons/*/names/*/full", " ana testova "))
        .isNotEqualTo(key.token("/persons/*/names/*/parts/*/value", "Ana Testova"));
  }
}
