package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.fedgate.mapping.io.Limits;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;

/**
 * Refused input: each case asserts its exact FG code, that the message names a location or reason,
 * and that it never contains the offending value.
 */
class BadInputTest {

  private static final Translator T = TestSupport.TRANSLATOR;

  private static FedgateException refuse(String profile, String doc) {
    return catchThrowableOfType(
        FedgateException.class, () -> T.toCanonical(profile, doc.getBytes(StandardCharsets.UTF_8)));
  }

  private static String th(String personJson) {
    return "{\"recordId\":\"R-1\",\"caseNo\":\"C 1/2567\",\"persons\":[" + personJson + "]}";
  }

  @Test
  void toCanonical_malformedJson_fg1001WithoutValue() {
    FedgateException e = refuse("TH", "{\"recordId\":\"SECRET-NAME-XYZ\", caseNo: }");
    assertThat(e.code()).isEqualTo("FG-1001");
    assertThat(e.getMessage()).contains("line 1").doesNotContain("SECRET-NAME-XYZ");
  }

  @Test
  void toCanonical_trailingGarbage_fg1001() {
    assertThat(refuse("TH", "{\"recordId\":\"R\",\"caseNo\":\"C\"} {}").code())
        .isEqualTo("FG-1001");
  }

  @Test
  void toCanonical_duplicateKey_fg1001() {
    FedgateException e = refuse("TH", "{\"recordId\":\"R\",\"caseNo\":\"C\",\"caseNo\":\"Dup\"}");
    assertThat(e.code()).isEqualTo("FG-1001");
  }

  @Test
  void toCanonical_duplicateKeyInNestedObject_fg1001WithoutValue() {
    FedgateException e =
        refuse(
            "TH",
            th("{\"personId\":\"P1\",\"role\":\"ผู้ต้องหา\",\"pin\":null,\"pin\":\"SECRET-9\"}"));
    assertThat(e.code()).isEqualTo("FG-1001");
    assertThat(e.getMessage()).contains("line 1").doesNotContain("SECRET-9").doesNotContain("pin");
  }

  @Test
  void toCanonical_wrongType_fg1002WithPointer() {
    FedgateException e =
        refuse("TH", th("{\"personId\":\"P1\",\"role\":\"ผู้ต้องหา\",\"firstNameTh\":12345}"));
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).contains("/persons/0/firstNameTh").doesNotContain("12345");
  }

  @Test
  void toCanonical_unknownRoleCode_fg1002WithoutValue() {
    FedgateException e = refuse("TH", th("{\"personId\":\"P1\",\"role\":\"คนร้ายลึกลับ\"}"));
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).contains("/persons/0/role").doesNotContain("คนร้ายลึกลับ");
  }

  @Test
  void toCanonical_unknownPropertyNamedLikeAPerson_fg1002WithoutTheName() {
    FedgateException e = refuse("TH", "{\"recordId\":\"R\",\"caseNo\":\"C\",\"Somchai\":1}");
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).doesNotContain("Somchai");
  }

  @Test
  void toCanonical_wrongThaiCheckDigit_fg1006WithoutValue() {
    FedgateException e =
        refuse("TH", th("{\"personId\":\"P1\",\"role\":\"ผู้ต้องหา\",\"pin\":\"3100600445636\"}"));
    assertThat(e.code()).isEqualTo("FG-1006");
    assertThat(e.getMessage()).contains("/persons/0/pin").doesNotContain("3100600445636");
  }

  @Test
  void toCanonical_impossibleBeDate_fg1007WithoutValue() {
    FedgateException e =
        refuse(
            "TH", th("{\"personId\":\"P1\",\"role\":\"ผู้ต้องหา\",\"birthDate\":\"2567-02-30\"}"));
    assertThat(e.code()).isEqualTo("FG-1007");
    assertThat(e.getMessage()).contains("/persons/0/birthDate").doesNotContain("2567");
  }

  @Test
  void toCanonical_beJanuaryOf2483_fg1007BecauseThatMonthNeverExisted() {
    FedgateException e =
        refuse("TH", th("{\"personId\":\"P1\",\"role\":\"พยาน\",\"birthDate\":\"2483-01-15\"}"));
    assertThat(e.code()).isEqualTo("FG-1007");
    assertThat(e.getMessage()).doesNotContain("2483-01-15");
  }

  @Test
  void toCanonical_overSizeDocument_fg1003() {
    Translator small = Translator.builder().limits(new Limits(256, 64)).build();
    String doc =
        th("{\"personId\":\"P1\",\"role\":\"พยาน\",\"remarks\":\"" + "x".repeat(400) + "\"}");
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class,
            () -> small.toCanonical("TH", doc.getBytes(StandardCharsets.UTF_8)));
    assertThat(e.code()).isEqualTo("FG-1003");
  }

  @Test
  void toCanonical_overDefaultLimitOf1MiB_fg1003() {
    byte[] doc = new byte[Limits.DEFAULT_MAX_BYTES + 1];
    java.util.Arrays.fill(doc, (byte) ' ');
    FedgateException e =
        catchThrowableOfType(FedgateException.class, () -> T.toCanonical("TH", doc));
    assertThat(e.code()).isEqualTo("FG-1003");
  }

  @Test
  void toCanonical_nestingDeeperThan64_fg1004() {
    String doc = "[".repeat(65) + "]".repeat(65);
    assertThat(refuse("TH", doc).code()).isEqualTo("FG-1004");
    String inObject = "{\"recordId\":\"R\",\"caseNo\":\"C\",\"x\":" + doc + "}";
    assertThat(refuse("TH", inObject).code()).isEqualTo("FG-1004");
  }

  @Test
  void toCanonical_unknownProfile_fg1010() {
    assertThat(refuse("XX", "{}").code()).isEqualTo("FG-1010");
    assertThat(T.profileIdForAgency("TH-CCIB")).contains("TH");
    assertThat(T.profileIdForAgency("XX-NONE")).isEmpty();
  }

  @Test
  void fromCanonical_canonicalFailingAcrSchema_fg1011() {
    ObjectNode bad = TestSupport.JSON.createObjectNode();
    bad.put("acrVersion", "1.0");
    bad.put("recordId", "R-1");
    FedgateException e =
        catchThrowableOfType(FedgateException.class, () -> T.fromCanonical("TH", bad));
    assertThat(e.code()).isEqualTo("FG-1011");
    assertThat(e.getMessage()).contains("provenance");
  }
}
