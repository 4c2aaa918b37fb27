package org.fedgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedgate.audit.BundleExporter;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.AuditStores;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.audit.verify.BundleVerifier;
import org.fedgate.audit.verify.CheckpointSignatures;
import org.fedgate.audit.verify.VerificationReport;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fedgate audit}: verify a store, export an evidence bundle, verify a bundle offline.
 * Failures exit 2 with the FG code and title on stderr (tampering names the first bad sequence
 * number); nothing printed contains entry content.
 */
@Command(
    name = "audit",
    description = "Verify and export the tamper-evident audit trail.",
    mixinStandardHelpOptions = true,
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.Export.class,
      AuditCommand.VerifyBundle.class
    })
public final class AuditCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the store is and how to log in (a picocli mixin shared by the subcommands). */
  static final class StoreOptions {
    @Option(
        names = "--store",
        required = true,
        paramLabel = "URL",
        description = "JDBC URL: jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB")
    String url;

    @Option(names = "--user", description = "database user (H2 default: sa)")
    String user;

    @Option(
        names = "--password",
        description = "database password (or set FEDGATE_AUDIT_DB_PASSWORD)",
        arity = "0..1",
        interactive = true)
    String password;

    AuditStore open() {
      quietMigrations();
      String pw = password != null ? password : System.getenv("FEDGATE_AUDIT_DB_PASSWORD");
      String u = url;
      // a typo in a file path must not silently create (and then "verify") an empty log
      if (u.startsWith("jdbc:h2:file:") && !u.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
        u = u + ";IFEXISTS=TRUE";
      }
      return AuditStores.open(u, user, pw);
    }
  }

  /** Flyway reports every schema check at INFO; on a command line that drowns the result. */
  static void quietMigrations() {
    if (org.slf4j.LoggerFactory.getLogger("org.flywaydb")
        instanceof ch.qos.logback.classic.Logger flyway) {
      flyway.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  static X509Certificate readCertificate(Path file) {
    try {
      return CheckpointSignatures.readCertificate(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new FedgateException(AuditError.CERTIFICATE_INVALID, "cannot read certificate file");
    }
  }

  /** {@code fedgate audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute the whole Merkle tree from the stored entries and check every signed"
            + " checkpoint.",
        "Exits 2 naming the first bad sequence number when anything was changed, deleted,"
            + " inserted or reordered."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Mixin StoreOptions store;

    @Option(
        names = "--cert",
        paramLabel = "CERT",
        description =
            "the gateway's signing certificate (PEM or DER); without it, checkpoints are checked"
                + " against the certificates recorded in the store")
    Path cert;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      X509Certificate pinned = cert == null ? null : readCertificate(cert);
      try (AuditStore s = store.open()) {
        VerificationReport r = AuditVerifier.verify(s, pinned);
        if (!r.ok()) {
          String where =
              r.firstBadSequence().isPresent()
                  ? "first bad sequence number " + r.firstBadSequence().getAsLong() + ": "
                  : "";
          throw new FedgateException(r.error(), where + r.reason());
        }
        out.printf(
            "audit log ok: %d entries, %d signed checkpoints verified%n",
            r.entriesChecked(), r.checkpointsChecked());
        if (r.entriesAfterLastCheckpoint() > 0) {
          out.printf(
              "note: the last %d entries are intact but not yet covered by a signed checkpoint%n",
              r.entriesAfterLastCheckpoint());
        }
        if (pinned == null) {
          out.println(
              "note: signatures were checked with certificates recorded in the store; pass --cert"
                  + " to pin the gateway's certificate");
        }
        return 0;
      }
    }
  }

  /** {@code fedgate audit export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write an evidence bundle: the entries of a time range with inclusion proofs against the"
              + " latest signed checkpoint, and the checkpoints of the range with consistency"
              + " proofs. See docs/audit-bundle.md.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Mixin StoreOptions store;

    @Option(
        names = "--from",
        paramLabel = "T",
        description = "start (inclusive): ISO-8601 instant or date (UTC midnight)")
    String from;

    @Option(
        names = "--to",
        paramLabel = "T",
        description = "end (exclusive): ISO-8601 instant or date (UTC midnight)")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "bundle file")
    Path outFile;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Instant f = parseTime(from, "--from");
      Instant t = parseTime(to, "--to");
      Path tmp = outFile.resolveSibling(outFile.getFileName() + ".part");
      BundleExporter.Summary s;
      try (AuditStore st = store.open();
          OutputStream os = Files.newOutputStream(tmp)) {
        s = BundleExporter.forStore(st).export(f, t, os);
      } catch (RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(
          tmp,
          outFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "exported %d entries with proofs against the checkpoint at size %d (%d more checkpoints)"
              + " to %s%n",
          s.entries(), s.anchorSize(), s.checkpoints(), outFile);
      if (s.leftOutAfterAnchor() > 0) {
        out.printf(
            "note: %d matching entries are newer than the latest checkpoint and were left out%n",
            s.leftOutAfterAnchor());
      }
      return 0;
    }

    private static Instant parseTime(String value, String option) {
      if (value == null) {
        return null;
      }
      try {
        return value.length() == 10
            ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new FedgateException(
            AuditError.INVALID_QUERY, option + ": expected an ISO-8601 instant or date");
      }
    }
  }

  /** {@code fedgate audit verify-bundle}. */
  @Command(
      name = "verify-bundle",
      mixinStandardHelpOptions = true,
      description =
          "Verify an exported bundle offline with only the gateway's certificate: signatures,"
              + " consistency of every checkpoint with the anchor, every entry's inclusion proof.")
  static final class VerifyBundle implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the bundle")
    Path bundle;

    @Option(
        names = "--cert",
        required = true,
        paramLabel = "CERT",
        description = "the gateway's signing certificate (PEM or DER)")
    Path cert;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      X509Certificate c = readCertificate(cert);
      BundleVerifier.Result r;
      try (InputStream in = Files.newInputStream(bundle)) {
        r = BundleVerifier.verify(in, c);
      } catch (IOException e) {
        throw new FedgateException(AuditError.BUNDLE_INVALID, "cannot read bundle file");
      }
      spec.commandLine()
          .getOut()
          .printf(
              "bundle ok: %d entries included in the tree of %d signed by %s; %d checkpoints"
                  + " consistent%n",
              r.entries(), r.anchorSize(), r.origin(), r.checkpoints());
      return 0;
    }
  }
}
