package org.fedgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;
import org.fedgate.model.policy.FieldDecision;
import org.fedgate.policy.Agreement;
import org.fedgate.policy.AgreementLoader;
import org.fedgate.policy.MinimisationResult;
import org.fedgate.policy.Minimiser;
import org.fedgate.policy.PseudonymKeyring;
import org.fedgate.policy.Purposes;
import org.fedgate.policy.ShippedAgreements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedgate policy}: what an exchange agreement releases for a purpose. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Explain what an exchange agreement releases for a purpose.",
    subcommands = {PolicyCommand.Explain.class, PolicyCommand.ListAgreements.class})
public final class PolicyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code fedgate policy explain}. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description = {
        "Minimise a canonical (ACR 1.0) record under an agreement and purpose; print, for every"
            + " leaf of the input, the action and the rule that decided it, then the minimised"
            + " record.",
        "A development tool: it reads plain agreement JSON (shipped or --agreement-file) and does"
            + " NOT check signatures; a gateway loads an agreement only when both agencies"
            + " signed it. Pseudonyms use a fixed development key.",
        "Exit 0 ok, 2 invalid input (FG code on stderr)."
      })
  static final class Explain implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--agreement",
        paramLabel = "ID",
        description = "Id of a shipped agreement, e.g. TH-CCIB.KH-AHTJP (see: fedgate policy list)")
    String agreementId;

    @Option(
        names = "--agreement-file",
        paramLabel = "FILE",
        description = "An agreement JSON file instead of a shipped one")
    Path agreementFile;

    @Option(
        names = "--purpose",
        required = true,
        paramLabel = "P",
        description =
            "INVESTIGATION, PROSECUTION, VICTIM_IDENTIFICATION, VICTIM_PROTECTION or INTELLIGENCE")
    String purpose;

    @Option(
        names = "--legal-basis",
        paramLabel = "TEXT",
        description = "Legal basis stated for the disclosure (default: a dry-run marker)")
    String legalBasis = "fedgate policy explain (dry run, nothing disclosed)";

    @Option(names = "--record-only", description = "Print only the minimised record")
    boolean recordOnly;

    @Parameters(index = "0", paramLabel = "FILE", description = "Canonical (ACR 1.0) JSON record")
    Path file;

    @Override
    public Integer call() {
      Purpose p = Purposes.parse(purpose);
      Agreement agreement = agreement();
      JsonNode record = readRecord(file);
      MinimisationResult result =
          new Minimiser(PseudonymKeyring.development(), Clock.systemUTC())
              .minimise(agreement, p, legalBasis, record);
      PrintWriter out = spec.commandLine().getOut();
      if (!recordOnly) {
        out.printf(
            "agreement %s v%s (%s -> %s), purpose %s%n%n",
            agreement.id(), agreement.version(), agreement.from(), agreement.to(), p);
        int width = 4;
        for (FieldDecision f : result.report().fields()) {
          width = Math.max(width, f.path().length());
        }
        String row = "%-" + width + "s  %-12s  %s%n";
        out.printf(row, "PATH", "ACTION", "RULE");
        for (FieldDecision f : result.report().fields()) {
          out.printf(row, f.path(), f.action(), f.ruleId());
        }
        out.println();
        out.println("minimised record:");
      }
      try {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.record()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      out.flush();
      return 0;
    }

    private Agreement agreement() {
      if (agreementFile != null) {
        try {
          return AgreementLoader.parse(Files.readAllBytes(agreementFile));
        } catch (IOException e) {
          throw new FedgateException(PolicyError.AGREEMENT_UNKNOWN, "cannot read agreement file");
        }
      }
      if (agreementId == null) {
        throw new FedgateException(
            PolicyError.AGREEMENT_UNKNOWN, "give --agreement ID or --agreement-file FILE");
      }
      return ShippedAgreements.byId(agreementId)
          .orElseThrow(
              () ->
                  new FedgateException(
                      PolicyError.AGREEMENT_UNKNOWN, "no shipped agreement " + agreementId));
    }
  }

  /** {@code fedgate policy list}: the shipped agreements. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the shipped exchange agreements (unsigned examples).")
  static final class ListAgreements implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Agreement a : ShippedAgreements.parseAll()) {
        out.printf(
            "%-26s v%-5s %s -> %s  purposes %s  handling %s  retention %s  valid %s .. %s%n",
            a.id(),
            a.version(),
            a.from(),
            a.to(),
            a.purposes().stream().sorted().toList(),
            a.handlingCodes(),
            a.retention(),
            a.validFrom(),
            a.validUntil());
      }
      out.flush();
      return 0;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode readRecord(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FedgateException(PolicyError.RECORD_INVALID, "cannot read the record file");
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      // Jackson's message would quote the input
      throw new FedgateException(PolicyError.RECORD_INVALID, "not JSON");
    }
  }
}
