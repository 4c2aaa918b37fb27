package org.fedgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fedgate.policy.SampleRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = FedgateCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private Path sample(String name) throws Exception {
    Path f = dir.resolve(name + ".json");
    Files.write(f, new ObjectMapper().writeValueAsBytes(SampleRecords.read(name)));
    return f;
  }

  @Test
  void explain_shippedAgreement_printsTableAndMinimisedRecord() throws Exception {
    int code =
        run(
            "policy",
            "explain",
            "--agreement",
            "TH-CCIB.KH-AHTJP",
            "--purpose",
            "PROSECUTION",
            sample("raid-scam-compound").toString());
    assertThat(code).as(err.toString()).isZero();
    String s = out.toString();
    assertThat(s).contains("PATH").contains("ACTION").contains("RULE");
    assertThat(s).containsPattern("/persons/4/names/1/full\\s+WITHHOLD\\s+VP-MINOR");
    assertThat(s).containsPattern("/persons/5/identifiers/0/value\\s+WITHHOLD\\s+VP-PSN");
    assertThat(s).contains("minimised record:").contains("\"recordId\"");
    assertThat(s).doesNotContain("Sok Dara").doesNotContain("482736105928");
  }

  @Test
  void explain_agreementFile_isAccepted() throws Exception {
    Path agreement = dir.resolve("a.json");
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("schemas/agreements/KH-AHTJP.TH-CCIB.json")) {
      Files.write(agreement, in.readAllBytes());
    }
    int code =
        run(
            "policy",
            "explain",
            "--agreement-file",
            agreement.toString(),
            "--purpose",
            "victim_protection",
            "--record-only",
            sample("victim-referral").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("{").contains("fgp1_").doesNotContain("Sreymom");
  }

  @Test
  void explain_unknownPurpose_exits2WithFG3005() throws Exception {
    int code =
        run(
            "policy",
            "explain",
            "--agreement",
            "TH-CCIB.KH-AHTJP",
            "--purpose",
            "MARKETING",
            sample("raid-scam-compound").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-3005");
  }

  @Test
  void explain_unknownAgreement_exits2WithFG3009() throws Exception {
    int code =
        run(
            "policy",
            "explain",
            "--agreement",
            "XX-NONE.YY-NONE",
            "--purpose",
            "INVESTIGATION",
            sample("raid-scam-compound").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-3009");
  }

  @Test
  void explain_purposeTheAgreementDoesNotAllow_exits2WithFG3010() throws Exception {
    int code =
        run(
            "policy",
            "explain",
            "--agreement",
            "TH-CCIB.ID-BARESKRIM",
            "--purpose",
            "INTELLIGENCE",
            sample("raid-scam-compound").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-3010");
  }

  @Test
  void explain_fileNotJson_exits2WithFG3012WithoutEchoingIt() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.write(bad, "{\"persons\": [Sok Dara".getBytes(StandardCharsets.UTF_8));
    int code =
        run(
            "policy",
            "explain",
            "--agreement",
            "TH-CCIB.KH-AHTJP",
            "--purpose",
            "INVESTIGATION",
            bad.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-3012").doesNotContain("Sok Dara");
  }

  @Test
  void explainHelp_saysSignaturesAreCheckedByTheGateway() {
    assertThat(run("policy", "explain", "--help")).isZero();
    assertThat(out.toString()).contains("does NOT check signatures").contains("gateway");
  }

  @Test
  void list_printsTheSixShippedAgreements() {
    assertThat(run("policy", "list")).isZero();
    assertThat(out.toString().lines().count()).isEqualTo(6);
  }
}
