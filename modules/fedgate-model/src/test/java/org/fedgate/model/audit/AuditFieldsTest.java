package org.fedgate.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuditFieldsTest {

  @Test
  void isCanonicalPath_examples_matchThePattern() {
    List<String> valid =
        List.of(
            "/a",
            "/*",
            "/persons/*/names/*/full",
            "/x-y_z/Q9",
            "/" + "a".repeat(64),
            "/*/*",
            "/a/" + "b".repeat(64) + "/*");
    List<String> invalid =
        List.of(
            "",
            "/",
            "a",
            "//a",
            "/a/",
            "/*a",
            "/a*",
            "/**",
            "/9a",
            "/_a",
            "/-a",
            "/a b",
            "/a.b",
            "/a~1b",
            "/" + "a".repeat(65),
            "/persons/0/names",
            "/é");
    for (String p : valid) {
      assertThat(AuditFields.isCanonicalPath(p)).as(p).isTrue();
      assertThat(AuditFields.PATH.matcher(p).matches()).as(p).isTrue();
    }
    for (String p : invalid) {
      assertThat(AuditFields.isCanonicalPath(p)).as(p).isFalse();
      assertThat(AuditFields.PATH.matcher(p).matches()).as(p).isFalse();
    }
  }

  @Test
  void isCanonicalPath_randomStrings_agreeWithThePattern() {
    Random r = new Random(20261128);
    char[] alphabet = "//////**aZz09_-. ~é".toCharArray();
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(12);
      for (int i = 0; i < len; i++) {
        if (r.nextInt(20) == 0) {
          sb.append("a".repeat(60 + r.nextInt(8))); // around the 64-character segment limit
        } else {
          sb.append(alphabet[r.nextInt(alphabet.length)]);
        }
      }
      String p = sb.toString();
      boolean expected = AuditFields.PATH.matcher(p).matches();
      assertThat(AuditFields.isCanonicalPath(p)).as(p).isEqualTo(expected);
      if (expected) {
        accepted++;
      }
    }
    // the generator reaches both answers often enough for the comparison to mean something
    assertThat(accepted).isGreaterThan(1_000);
  }
}
