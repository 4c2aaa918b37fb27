package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused XML (ID profile): exact FG codes, XPath locations, never the offending value. */
class XmlBadInputTest {

  private static FedgateException refuse(String doc) {
    return catchThrowableOfType(
        FedgateException.class,
        () -> TestSupport.TRANSLATOR.toCanonical("ID", doc.getBytes(StandardCharsets.UTF_8)));
  }

  private static String perkara(String body) {
    return "<?xml version=\"1.0\"?><Perkara><IdRekaman>R-1</IdRekaman>"
        + "<NomorPerkara>LP/1</NomorPerkara>"
        + body
        + "</Perkara>";
  }

  @Test
  void toCanonical_malformedXml_fg1001WithoutValue() {
    FedgateException e = refuse("<Perkara><IdRekaman>SECRET-XYZ</IdRekaman></Perkra>");
    assertThat(e.code()).isEqualTo("FG-1001");
    assertThat(e.getMessage()).doesNotContain("SECRET-XYZ").doesNotContain("Perkra");
  }

  @Test
  void toCanonical_xxeExternalEntity_fg1005AndNothingRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-FILE-CONTENT");
    String doc =
        "<?xml version=\"1.0\"?><!DOCTYPE Perkara [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<Perkara><IdRekaman>R</IdRekaman><NomorPerkara>&xxe;</NomorPerkara></Perkara>";
    FedgateException e = refuse(doc);
    assertThat(e.code()).isEqualTo("FG-1005");
    assertThat(e.getMessage()).doesNotContain("TOP-SECRET").doesNotContain("secret.txt");
  }

  @Test
  void toCanonical_billionLaughs_fg1005() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Perkara [");
    sb.append("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      sb.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    sb.append("]><Perkara><IdRekaman>R</IdRekaman><NomorPerkara>&lol9;</NomorPerkara></Perkara>");
    assertThat(refuse(sb.toString()).code()).isEqualTo("FG-1005");
  }

  @Test
  void toCanonical_undeclaredEntityReference_fg1005() {
    assertThat(refuse(perkara("<Uraian>&undeclared;</Uraian>")).code()).isEqualTo("FG-1005");
  }

  @Test
  void toCanonical_schemaViolation_fg1002WithXPathWithoutValue() {
    FedgateException e = refuse(perkara("<Korban id=\"V1\"><NIK>12345ABCDE</NIK></Korban>"));
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage())
        .contains("/Perkara[1]/Korban[1]/NIK[1]")
        .doesNotContain("12345ABCDE");
  }

  @Test
  void toCanonical_undeclaredElementNamedLikeAPerson_fg1002WithoutTheName() {
    FedgateException e = refuse(perkara("<SitiAminahRekaan>x</SitiAminahRekaan>"));
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).contains("/Perkara[1]/*[1]").doesNotContain("SitiAminah");
  }

  @Test
  void toCanonical_wrongRootElement_fg1002() {
    assertThat(refuse("<Laporan><IdRekaman>R</IdRekaman></Laporan>").code()).isEqualTo("FG-1002");
  }

  @Test
  void toCanonical_nikWithImpossibleDate_fg1007WithoutValue() {
    // day 32 does not exist for a man, and day 72 (= 32 + 40) not for a woman
    for (String nik : new String[] {"3201013201900001", "3201017202900001", "3201011313900001"}) {
      FedgateException e =
          refuse(perkara("<Tersangka id=\"T1\"><NIK>" + nik + "</NIK></Tersangka>"));
      assertThat(e.code()).isEqualTo("FG-1007");
      assertThat(e.getMessage()).contains("/Perkara/Tersangka[1]/NIK").doesNotContain(nik);
    }
  }

  @Test
  void toCanonical_nikFebruary29InNonLeapYear_fg1007() {
    FedgateException e = refuse(perkara("<Korban id=\"V1\"><NIK>3201016902010001</NIK></Korban>"));
    assertThat(e.code()).isEqualTo("FG-1007");
  }

  @Test
  void toCanonical_xmlNestingDeeperThan64_fg1004() {
    String doc = perkara("<Uraian>" + "<a>".repeat(70) + "</a>".repeat(70) + "</Uraian>");
    assertThat(refuse(doc).code()).isEqualTo("FG-1004");
  }

  @Test
  void toCanonical_impossibleXsDate_fg1002WithoutValue() {
    FedgateException e = refuse(perkara("<TanggalLaporan>2024-02-30</TanggalLaporan>"));
    assertThat(e.code()).isEqualTo("FG-1002");
    assertThat(e.getMessage()).doesNotContain("2024-02-30");
  }
}
