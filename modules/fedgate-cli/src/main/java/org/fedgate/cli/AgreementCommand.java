package org.fedgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.fedgate.model.envelope.EnvelopeJson;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;
import org.fedgate.model.spi.VerifiedDocument;
import org.fedgate.trust.MultiPartySigner;
import org.fedgate.trust.MultiPartyVerifier;
import org.fedgate.trust.SigningIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedgate agreement}: sign and verify exchange agreements (one signature per party). */
@Command(
    name = "agreement",
    description = "Sign and verify exchange agreements (one signature per party).",
    subcommands = {AgreementCommand.Sign.class, AgreementCommand.Verify.class})
public final class AgreementCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code fedgate agreement sign --keystore P12 [--keystore P12 ...] FILE --out OUT}. */
  @Command(
      name = "sign",
      description = {
        "Sign an agreement: FILE is agreement JSON (a new general JWS is made) or an already"
            + " signed agreement (signatures are added)."
      })
  static final class Sign implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--keystore", required = true, description = "Signing PKCS#12 (repeatable).")
    List<Path> keystores;

    @Option(names = "--password", description = "Keystore password (default: dev password).")
    String password;

    @Option(names = "--out", required = true, description = "Signed agreement output file.")
    Path out;

    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "Agreement JSON or signed agreement.")
    String file;

    @Override
    public Integer call() throws Exception {
      String text = DirectoryCommand.read(file);
      JsonNode node;
      try {
        node = EnvelopeJson.mapper().readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new FedgateException(TrustError.NOT_JSON, "agreement file");
      }
      if (node == null || !node.isObject()) {
        throw new FedgateException(TrustError.NOT_JSON, "agreement must be a JSON object");
      }
      MultiPartySigner signer = new MultiPartySigner();
      char[] pw = DirectoryCommand.password(password);
      String signed;
      int start = 0;
      if (node.has("signatures") && node.has("payload")) {
        signed = text;
      } else {
        signed =
            signer.sign(
                text.getBytes(StandardCharsets.UTF_8),
                List.of(SigningIdentity.load(keystores.get(0), pw)));
        start = 1;
      }
      for (int i = start; i < keystores.size(); i++) {
        signed = signer.addSignature(signed, SigningIdentity.load(keystores.get(i), pw));
      }
      Files.writeString(out, signed + "\n", StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("signed agreement written to " + out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code fedgate agreement verify --directory DIR_OR_FILE FILE}: prints the signers. */
  @Command(name = "verify", description = "Verify every signature and print the signing agencies.")
  static final class Verify implements Callable<Integer> {
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

    @Parameters(index = "0", paramLabel = "FILE", description = "Signed agreement.")
    String file;

    @Override
    public Integer call() throws Exception {
      Instant now = Instant.now();
      VerifiedDocument d =
          new MultiPartyVerifier(DirectoryCommand.load(directory, root, now))
              .verify(DirectoryCommand.read(file), now);
      var w = spec.commandLine().getOut();
      w.println(
          "signers: "
              + String.join(", ", d.signers().stream().map(Object::toString).sorted().toList()));
      w.flush();
      return 0;
    }
  }
}
