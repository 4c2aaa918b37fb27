package org.fedgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** pki, directory, envelope and agreement commands against a fresh PKI. */
class TrustCommandsTest {

  @TempDir static Path dir;
  static Path pki;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = FedgateCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void init() {
    pki = dir.resolve("pki");
    Run r = run("pki", "init", "--out", pki.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static String ks(String agency, String name) {
    return pki.resolve("agencies").resolve(agency).resolve(name).toString();
  }

  private static Path sealed(String legalBasis) throws Exception {
    Path record = dir.resolve("record.json");
    Files.writeString(record, "{\"caseId\":\"CASE-CLI-1\",\"persons\":[]}");
    Run r =
        run(
            "envelope",
            "seal",
            "--keystore",
            ks("TH-CCIB", "signing.p12"),
            "--from",
            "TH-CCIB",
            "--to",
            "KH-AHTJP",
            "--purpose",
            "INVESTIGATION",
            "--legal-basis",
            legalBasis,
            "--agreement",
            "AGR-TH-KH-001",
            record.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path out = Files.createTempFile(dir, "env", ".json");
    Files.writeString(out, r.out());
    return out;
  }

  @Test
  void directoryVerify_generatedPki_listsMembers() {
    Run r = run("directory", "verify", pki.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("TH-CCIB", "KH-AHTJP", "ID-BARESKRIM", "version 1");
  }

  @Test
  void directorySign_thenVerify_roundTrips() {
    Path out = dir.resolve("resigned.jws");
    Run s =
        run(
            "directory",
            "sign",
            "--keystore",
            pki.resolve("directory-signer.p12").toString(),
            "--out",
            out.toString(),
            pki.resolve("directory.json").toString());
    assertThat(s.exit()).as(s.err()).isZero();
    Run v =
        run("directory", "verify", "--root", pki.resolve("root-ca.pem").toString(), out.toString());
    assertThat(v.exit()).as(v.err()).isZero();
  }

  @Test
  void envelopeOpen_sealedEnvelope_printsPayload() throws Exception {
    Run r = run("envelope", "open", "--directory", pki.toString(), sealed("MoU art. 4").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CASE-CLI-1", "\"from\" : \"TH-CCIB\"");
  }

  @Test
  void envelopeOpen_tampered_exits2WithCode() throws Exception {
    Path env = sealed("MoU art. 4");
    String text = Files.readString(env, StandardCharsets.UTF_8);
    int i = text.indexOf("\"signature\":\"") + 14;
    char c = text.charAt(i);
    String tampered = text.substring(0, i) + (c == 'A' ? 'B' : 'A') + text.substring(i + 1);
    Files.writeString(env, tampered);
    Run r = run("envelope", "open", "--directory", pki.toString(), env.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("FG-2013").doesNotContain("CASE-CLI-1");
  }

  @Test
  void envelopeOpen_notJson_exits2() throws Exception {
    Path f = dir.resolve("garbage.txt");
    Files.writeString(f, "hello");
    Run r = run("envelope", "open", "--directory", pki.toString(), f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("FG-2001");
  }

  @Test
  void agreementSign_twoParties_verifyPrintsBoth() throws Exception {
    Path agreement = dir.resolve("agreement.json");
    Files.writeString(agreement, "{\"agreementId\":\"AGR-TH-KH-001\",\"version\":1}");
    Path signed = dir.resolve("agreement.signed.json");
    Run s =
        run(
            "agreement",
            "sign",
            "--keystore",
            ks("TH-CCIB", "signing.p12"),
            "--keystore",
            ks("KH-AHTJP", "signing.p12"),
            agreement.toString(),
            "--out",
            signed.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    Run v = run("agreement", "verify", "--directory", pki.toString(), signed.toString());
    assertThat(v.exit()).as(v.err()).isZero();
    assertThat(v.out()).contains("signers: KH-AHTJP, TH-CCIB");
  }

  @Test
  void pkiInit_edDsa_envelopeRoundTrips() throws Exception {
    Path ed = dir.resolve("ed");
    assertThat(run("pki", "init", "--out", ed.toString(), "--algorithm", "EdDSA").exit()).isZero();
    Path record = dir.resolve("r2.json");
    Files.writeString(record, "{\"caseId\":\"CASE-CLI-2\"}");
    Run s =
        run(
            "envelope",
            "seal",
            "--keystore",
            ed.resolve("agencies/KH-AHTJP/signing.p12").toString(),
            "--from",
            "KH-AHTJP",
            "--to",
            "ID-BARESKRIM",
            "--purpose",
            "VICTIM_IDENTIFICATION",
            "--legal-basis",
            "Treaty",
            record.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.out()).contains("\"protected\"");
    Path env = dir.resolve("ed-env.json");
    Files.writeString(env, s.out());
    Run o =
        run(
            "envelope",
            "open",
            "--directory",
            ed.toString(),
            "--to",
            "ID-BARESKRIM",
            env.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.err()).contains("signed by KH-AHTJP");
  }
}
