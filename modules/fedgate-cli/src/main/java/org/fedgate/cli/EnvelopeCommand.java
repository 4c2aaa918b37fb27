package org.fedgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.envelope.Envelope;
import org.fedgate.model.envelope.EnvelopeJson;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;
import org.fedgate.trust.EnvelopeSealer;
import org.fedgate.trust.EnvelopeVerifier;
import org.fedgate.trust.ReplayGuard;
import org.fedgate.trust.SigningIdentity;
import org.fedgate.trust.VerifiedEnvelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedgate envelope}: seal and open signed envelopes (operators and debugging). */
@Command(
    name = "envelope",
    description = "Seal and open signed envelopes.",
    subcommands = {EnvelopeCommand.Seal.class, EnvelopeCommand.Open.class})
public final class EnvelopeCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static AgencyId agency(CommandLine cl, String value, String option) {
    try {
      return AgencyId.of(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, option + " must be an agency id like TH-CCIB");
    }
  }

  /** {@code fedgate envelope seal --keystore P12 --from ID --to ID --purpose P ... FILE}. */
  @Command(
      name = "seal",
      description =
          "Wrap a canonical record (JSON file) in an envelope and sign it; prints the JWS.")
  static final class Seal implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--keystore", required = true, description = "Gateway signing PKCS#12.")
    Path keystore;

    @Option(names = "--password", description = "Keystore password (default: dev password).")
    String password;

    @Option(names = "--from", required = true, description = "Sending agency id.")
    String from;

    @Option(names = "--to", required = true, description = "Receiving agency id.")
    String to;

    @Option(names = "--purpose", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
    Purpose purpose;

    @Option(names = "--legal-basis", required = true, description = "Legal basis (text).")
    String legalBasis;

    @Option(names = "--agreement", description = "Exchange agreement id.")
    String agreement;

    @Option(names = "--agreement-version", description = "Exchange agreement version.")
    String agreementVersion;

    @Option(
        names = "--type",
        defaultValue = "CASE_NOTIFICATION",
        description = "Message type: ${COMPLETION-CANDIDATES}.")
    MessageType type;

    @Option(names = "--handling", split = ",", description = "Handling codes (default H0).")
    Set<HandlingCode> handling;

    @Option(names = "--justification", description = "Justification reference.")
    String justification;

    @Option(names = "--ttl", defaultValue = "PT24H", description = "Lifetime (ISO-8601).")
    Duration ttl;

    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "Canonical record JSON ('-' = stdin).")
    String file;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      JsonNode record;
      try {
        record = EnvelopeJson.mapper().readTree(DirectoryCommand.read(file));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new FedgateException(TrustError.PAYLOAD_INVALID, "record file is not JSON");
      }
      if (record == null || !record.isObject()) {
        throw new FedgateException(TrustError.PAYLOAD_INVALID, "record must be a JSON object");
      }
      Envelope env;
      try {
        env =
            Envelope.builder()
                .from(agency(cl, from, "--from"))
                .to(agency(cl, to, "--to"))
                .purpose(purpose)
                .legalBasis(legalBasis)
                .messageType(type)
                .handlingCodes(
                    handling == null || handling.isEmpty()
                        ? EnumSet.of(HandlingCode.H0)
                        : EnumSet.copyOf(handling))
                .justificationRef(justification)
                .agreement(agreement, agreementVersion)
                .ttl(ttl)
                .record(record)
                .build();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      SigningIdentity id = SigningIdentity.load(keystore, DirectoryCommand.password(password));
      cl.getOut().println(new EnvelopeSealer(id).seal(env));
      cl.getOut().flush();
      return 0;
    }
  }

  /** {@code fedgate envelope open --directory DIR_OR_FILE FILE}. */
  @Command(
      name = "open",
      description =
          "Verify a sealed envelope and print its payload; exit 2 with the FG code if refused.")
  static final class Open implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--directory",
        required = true,
        description = "PKI folder, signed directory file or URL.")
    String directory;

    @Option(
        names = "--root",
        description = "Pinned root certificate (default: root-ca.pem beside).")
    Path root;

    @Option(names = "--to", description = "Refuse envelopes not addressed to this agency.")
    String to;

    @Parameters(index = "0", paramLabel = "FILE", description = "Sealed envelope ('-' = stdin).")
    String file;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      Instant now = Instant.now();
      AgencyId self = to == null ? null : agency(cl, to, "--to");
      EnvelopeVerifier v =
          new EnvelopeVerifier(
              DirectoryCommand.load(directory, root, now), new ReplayGuard(), self);
      VerifiedEnvelope env = v.open(DirectoryCommand.read(file).strip(), now);
      cl.getOut()
          .println(
              EnvelopeJson.mapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(env.envelope()));
      cl.getErr()
          .println("verified: signed by " + env.signer() + " (kid " + env.signerKeyId() + ")");
      cl.getOut().flush();
      cl.getErr().flush();
      return 0;
    }
  }
}
