package org.fedgate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedgate.model.AgencyId;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.JwsAlgorithm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedgate pki}: the development PKI (never for production). */
@Command(
    name = "pki",
    description = "Development PKI: generate a federation root, agency keys and certificates.",
    subcommands = {PkiCommand.Init.class})
public final class PkiCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code fedgate pki init --out DIR [--algorithm ES256|EdDSA] [--gateway-url ID=URL ...]}. */
  @Command(
      name = "init",
      description = {
        "Generate a development federation: root CA, CRL, directory signer, per agency (TH-CCIB,"
            + " KH-AHTJP, ID-BARESKRIM, plus XX-REVOKED with revoked certificates) a signing key,"
            + " a mutual-TLS certificate and an identity-provider key, and a signed directory.",
        "Keystore password: " + DevPki.DEV_PASSWORD + " (development only)."
      })
  static final class Init implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(
        names = "--algorithm",
        defaultValue = "ES256",
        description = "Gateway signing algorithm: ES256 (default) or EdDSA.")
    String algorithm;

    @Option(
        names = "--gateway-url",
        description = "Gateway URL of a member, e.g. TH-CCIB=https://127.0.0.1:8441 (repeatable).")
    Map<String, String> gatewayUrls = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      JwsAlgorithm alg =
          JwsAlgorithm.fromJose(algorithm)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(), "--algorithm must be ES256 or EdDSA"));
      Map<AgencyId, String> urls = new LinkedHashMap<>();
      for (var e : gatewayUrls.entrySet()) {
        try {
          urls.put(AgencyId.of(e.getKey()), e.getValue());
        } catch (IllegalArgumentException ex) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--gateway-url needs an agency id like TH-CCIB");
        }
      }
      DevPki.Result r =
          DevPki.generate(out, DevPki.Options.defaults().withAlgorithm(alg).withGatewayUrls(urls));
      var w = spec.commandLine().getOut();
      w.println("development PKI written to " + r.root() + " (" + alg.joseName() + ")");
      w.println("  root certificate  " + r.rootCertificate());
      w.println("  CRL               " + r.crl());
      w.println("  signed directory  " + r.directoryJws());
      for (AgencyId a : DevPki.DEMO_AGENCIES) {
        w.println("  " + a + " keystores in " + r.agencyDir(a));
      }
      w.println("  keystore password: " + DevPki.DEV_PASSWORD + " (development only)");
      w.flush();
      return 0;
    }
  }

  static List<AgencyId> demoAgencies() {
    return DevPki.DEMO_AGENCIES;
  }
}
