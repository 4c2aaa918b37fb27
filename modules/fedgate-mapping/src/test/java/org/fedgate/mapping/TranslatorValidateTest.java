package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;

/** Validation apart from mapping (the gateway times the two steps separately). */
class TranslatorValidateTest {

  private static final Translator T = TestSupport.TRANSLATOR;

  @Test
  void validateThenToCanonical_everySample_sameAsOneCall() {
    for (String cc : new String[] {"TH", "KH", "ID"}) {
      for (Path sample : TestSupport.samples(cc)) {
        byte[] doc = TestSupport.bytes(sample);
        TranslationResult twoSteps = T.toCanonical(T.validate(cc, doc));
        TranslationResult oneCall = T.toCanonical(cc, doc);
        assertThat(twoSteps.canonical()).as(sample.toString()).isEqualTo(oneCall.canonical());
        assertThat(twoSteps.unmapped()).isEqualTo(oneCall.unmapped());
      }
    }
  }

  @Test
  void validate_schemaViolation_fg1002WithPointerAndNoValue() {
    String doc =
        "{\"recordId\":\"R-1\",\"caseNo\":\"C 1/2567\",\"persons\":[{\"personId\":\"P1\","
            + "\"role\":\"ผู้ต้องหา\",\"firstNameTh\":424242}]}";
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class, () -> T.validate("TH", doc.getBytes(StandardCharsets.UTF_8)));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).contains("/persons/0/firstNameTh").doesNotContain("424242");
  }

  @Test
  void validate_toString_namesTheProfileOnly() {
    Path sample = TestSupport.samples("th").get(0);
    assertThat(T.validate("TH", TestSupport.bytes(sample)).toString())
        .isEqualTo("Validated[profile=TH]");
  }
}
