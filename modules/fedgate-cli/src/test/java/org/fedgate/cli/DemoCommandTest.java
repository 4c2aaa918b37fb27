package org.fedgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command: the whole scripted demo, end to end. */
class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void demo_withDataDir_playsTheScenarioVerifiesEveryTrailAndExits0() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      var cl = FedgateCli.commandLine();
      cl.setErr(new PrintWriter(new StringWriter()));
      code = cl.execute("demo", "--data-dir", dir.toString());
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out)
        .contains("to KH-AHTJP", "to ID-BARESKRIM", "receipt ACCEPTED", "root element <Perkara>")
        .contains("TH-CCIB answered: ANSWERED")
        .contains("verified OK")
        .doesNotContain("FAILED");
    // names from the raid sample never reach the summary
    assertThat(out).doesNotContain("น้ำฝน").doesNotContain("Kongphop");
    assertThat(Files.exists(dir.resolve("th-ccib.yaml"))).isTrue();
    assertThat(Files.exists(dir.resolve("gateways.log"))).isTrue();
  }
}
