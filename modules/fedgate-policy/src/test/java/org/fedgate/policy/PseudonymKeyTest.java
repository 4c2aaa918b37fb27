package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The token HMAC from precomputed keyed states must equal the JDK's HmacSHA256 (RFC 2104). */
class PseudonymKeyTest {

  @Test
  void hmac_keysShorterEqualAndLongerThanABlock_equalsJdkMac() {
    Random r = new Random(4);
    for (int keyLength : new int[] {32, 33, 63, 64, 65, 100, 200}) {
      byte[] material = new byte[keyLength];
      r.nextBytes(material);
      PseudonymKey key = PseudonymKey.of(material);
      for (int msgLength : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 500}) {
        byte[] msg = new byte[msgLength];
        r.nextBytes(msg);
        assertThat(key.hmac(msg)).as("key %d msg %d", keyLength, msgLength).isEqualTo(key.mac(msg));
      }
    }
  }

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
