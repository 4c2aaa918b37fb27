package org.fedgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.fedgate.audit.AuditLog;
import org.fedgate.audit.AuditLogConfig;
import org.fedgate.audit.JcaCheckpointSigner;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Actor;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.audit.FieldDisposition;
import org.fedgate.model.audit.Operation;
import org.fedgate.model.audit.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  @TempDir Path dir;
  private String url;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void tenEntries() throws Exception {
    url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
    JcaCheckpointSigner signer =
        JcaCheckpointSigner.fromPkcs12(
            resource("audit/audit-es256.p12"), "changeit".toCharArray(), "audit");
    try (AuditLog log =
        AuditLog.open(url, AuditLogConfig.defaults("fedgate.th-ccib/audit"), signer)) {
      List<AuditEntry> ten = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ten.add(entry(i));
      }
      log.appendAll(ten);
    } // close() signs a final checkpoint over all ten
  }

  private static AuditEntry entry(int i) {
    AgencyId th = AgencyId.of("TH-CCIB");
    AgencyId kh = AgencyId.of("KH-AHTJP");
    return AuditEntry.builder(
            Operation.DISCLOSURE,
            Actor.officer(th, "officer-" + i, "LIAISON_OFFICER"),
            Outcome.SUCCESS)
        .timestamp(T0.plusSeconds(60L * i))
        .counterpart(kh)
        .recipients(List.of(kh))
        .purpose(Purpose.INVESTIGATION)
        .legalBasis("ASEAN-MLAT-2004/Art.1")
        .messageId("msg-" + i)
        .payloadDigest(String.format("%064x", i))
        .fields(
            new FieldDisposition(
                List.of("/case/id"), List.of(), List.of(), List.of("/persons/*/names/*/full")))
        .build();
  }

  private int run(String... args) {
    CommandLine cl = FedgateCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(AuditCommandTest.class.getClassLoader().getResource(name).toURI());
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void verify_untouchedStoreWithPinnedCertificate_exitsZero() throws Exception {
    int code =
        run(
            "audit",
            "verify",
            "--store",
            url,
            "--cert",
            resource("audit/audit-es256.pem").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("audit log ok: 10 entries");
  }

  @Test
  void verify_changedRow_exitsTwoNamingTheFirstBadSequenceNumber() throws Exception {
    sql(
        "UPDATE audit_entry SET entry_json = REPLACE(entry_json, 'KH-AHTJP', 'KH-XXXX') WHERE seq = 3");
    int code = run("audit", "verify", "--store", url);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4004").contains("first bad sequence number 3");
  }

  @Test
  void verify_deletedRow_exitsTwoNamingIt() throws Exception {
    sql("DELETE FROM audit_entry WHERE seq = 7");
    assertThat(run("audit", "verify", "--store", url)).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4004").contains("first bad sequence number 7");
  }

  @Test
  void verify_missingDatabaseFile_failsInsteadOfCreatingAnEmptyLog() {
    String missing = "jdbc:h2:file:" + dir.resolve("nope").toAbsolutePath();
    assertThat(run("audit", "verify", "--store", missing)).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4002");
    assertThat(Files.exists(dir.resolve("nope.mv.db"))).isFalse();
  }

  @Test
  void verify_unsupportedUrl_exitsTwoWithFg4009() {
    assertThat(run("audit", "verify", "--store", "jdbc:mysql://localhost/audit")).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4009");
  }

  @Test
  void exportThenVerifyBundle_timeRange_exitsZero() throws Exception {
    Path bundle = dir.resolve("bundle.json");
    int code =
        run(
            "audit",
            "export",
            "--store",
            url,
            "--from",
            "2026-11-01T08:02:00Z",
            "--to",
            "2026-11-01T08:05:00Z",
            "--out",
            bundle.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("exported 3 entries");
    code =
        run(
            "audit",
            "verify-bundle",
            bundle.toString(),
            "--cert",
            resource("audit/audit-es256.pem").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("bundle ok: 3 entries");
  }

  @Test
  void verifyBundle_otherGatewaysCertificate_exitsTwoWithFg4005() throws Exception {
    Path bundle = dir.resolve("bundle.json");
    assertThat(run("audit", "export", "--store", url, "--out", bundle.toString())).isZero();
    int code =
        run(
            "audit",
            "verify-bundle",
            bundle.toString(),
            "--cert",
            resource("audit/other-es256.der").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4005");
  }

  @Test
  void verifyBundle_editedEntry_exitsTwoWithFg4006() throws Exception {
    Path bundle = dir.resolve("bundle.json");
    assertThat(run("audit", "export", "--store", url, "--out", bundle.toString())).isZero();
    Files.writeString(bundle, Files.readString(bundle).replace("officer-4", "officer-9"));
    int code =
        run(
            "audit",
            "verify-bundle",
            bundle.toString(),
            "--cert",
            resource("audit/audit-es256.pem").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4006").contains("entry 4");
  }

  @Test
  void export_badTime_exitsTwoWithFg4010() {
    int code =
        run(
            "audit",
            "export",
            "--store",
            url,
            "--from",
            "yesterday",
            "--out",
            dir.resolve("b").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FG-4010");
  }
}
