package org.fedgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.fedgate.model.AgencyId;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.OfficerTokens;
import org.fedgate.trust.SigningIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

  @TempDir static Path dir;

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = FedgateCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString().trim(), err.toString()};
  }

  @Test
  void issue_withDevKeystore_printsTokenTheAgencyVerifies() throws Exception {
    DevPki.Result pki = DevPki.generate(dir.resolve("pki"));
    AgencyId th = AgencyId.of("TH-CCIB");
    String[] r =
        run(
            "token",
            "issue",
            "--agency",
            "TH-CCIB",
            "--sub",
            "officer-042",
            "--role",
            "officer",
            "--keystore",
            pki.idpKeystore(th).toString());
    assertThat(r[0]).isEqualTo("0");
    var idp = SigningIdentity.load(pki.idpKeystore(th), pki.password());
    var claims = OfficerTokens.verifier(idp.certificate()).verify(r[1], Instant.now());
    assertThat(claims.subject()).isEqualTo("officer-042");
    assertThat(claims.agency()).isEqualTo(th);
  }

  @Test
  void issue_unknownRole_exits2WithCode() {
    String[] r = run("token", "issue", "--agency", "TH-CCIB", "--sub", "o-1", "--role", "KING");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("FG-5002");
  }

  @Test
  void serve_invalidConfig_exits2WithFg5001() {
    String[] r = run("serve", "--config", dir.resolve("missing.yaml").toString(), "--check");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("FG-5001");
  }
}
