package org.fedgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TranslateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Path root() {
    String r = System.getProperty("fedgate.root");
    return (r == null ? Path.of("../..") : Path.of(r)).toAbsolutePath().normalize();
  }

  private int run(String... args) {
    CommandLine cl = FedgateCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void translate_thSampleToCanonical_printsRecordAndUnmappedReport() {
    Path sample = root().resolve("schemas/national/th/samples/th-01-raid-suspects.json");
    int rc = run("translate", "--profile", "TH", "--to", "canonical", sample.toString());
    assertThat(rc).isEqualTo(0);
    assertThat(out.toString()).contains("\"acrVersion\" : \"1.0\"").contains("TH-CCIB/1.0");
    assertThat(err.toString()).contains("unmapped: 1").contains("/internalNote");
  }

  @Test
  void translate_canonicalToTh_printsNationalDocument(@TempDir Path dir) throws IOException {
    Path sample = root().resolve("schemas/national/th/samples/th-01-raid-suspects.json");
    assertThat(run("translate", "--profile", "TH", "--to", "canonical", sample.toString()))
        .isEqualTo(0);
    Path canonical = dir.resolve("acr.json");
    Files.writeString(canonical, out.toString(), StandardCharsets.UTF_8);
    out.getBuffer().setLength(0);
    int rc = run("translate", "--from", "canonical", "--profile", "TH", canonical.toString());
    assertThat(rc).isEqualTo(0);
    assertThat(out.toString()).contains("\"caseNo\" : \"CCIB 123/2567\"");
  }

  @Test
  void translate_wrongCheckDigit_exit2WithCodeAndNoValue(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"recordId\":\"R\",\"caseNo\":\"C\",\"persons\":[{\"personId\":\"P1\","
            + "\"role\":\"ผู้ต้องหา\",\"pin\":\"3100600445636\"}]}",
        StandardCharsets.UTF_8);
    int rc = run("translate", "--profile", "TH", "--to", "canonical", bad.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains("FG-1006").doesNotContain("3100600445636");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void translate_canonicalToId_printsXmlAndReportsWhatIdCannotCarry() {
    Path canonical =
        root().resolve("schemas/national/th/golden/th-01-raid-suspects.canonical.json");
    int rc = run("translate", "--from", "canonical", "--profile", "ID", canonical.toString());
    assertThat(rc).isEqualTo(0);
    assertThat(out.toString()).contains("<Perkara>").contains("<Tersangka id=\"P1\">");
    assertThat(err.toString())
        .contains("profile ID-BARESKRIM/1.0")
        .contains("/persons/0/identifiers");
  }

  @Test
  void translate_idSampleToCanonical_exit0() {
    Path sample = root().resolve("schemas/national/id/samples/id-01-tppo-scam-compound.xml");
    int rc = run("translate", "--profile", "id", "--to", "canonical", sample.toString());
    assertThat(rc).isEqualTo(0);
    assertThat(out.toString()).contains("\"scheme\" : \"ID_NIK\"");
    assertThat(err.toString()).contains("/Perkara/Tersangka[1]/TempatLahir");
  }

  @Test
  void translate_xxe_exit2WithFg1005() throws IOException {
    Path bad = Files.createTempFile("xxe", ".xml");
    try {
      Files.writeString(
          bad,
          "<?xml version=\"1.0\"?><!DOCTYPE Perkara [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              + "<Perkara><IdRekaman>R</IdRekaman><NomorPerkara>&x;</NomorPerkara></Perkara>");
      int rc = run("translate", "--profile", "ID", "--to", "canonical", bad.toString());
      assertThat(rc).isEqualTo(2);
      assertThat(err.toString()).contains("FG-1005").doesNotContain("root:");
    } finally {
      Files.deleteIfExists(bad);
    }
  }

  @Test
  void translate_missingFile_exit1() {
    int rc = run("translate", "--profile", "TH", "--to", "canonical", "/nonexistent/x.json");
    assertThat(rc).isEqualTo(1);
  }

  @Test
  void translate_overSizeInput_exit2WithFg1003(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.json");
    Files.writeString(big, " ".repeat(300) + "{}", StandardCharsets.UTF_8);
    int rc =
        run(
            "translate",
            "--profile",
            "TH",
            "--to",
            "canonical",
            "--max-bytes",
            "256",
            big.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains("FG-1003");
  }
}
