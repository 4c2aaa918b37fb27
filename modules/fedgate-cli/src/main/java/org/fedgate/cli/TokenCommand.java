package org.fedgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.OfficerRole;
import org.fedgate.trust.OfficerTokens;
import org.fedgate.trust.SigningIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fedgate token}: development officer tokens signed with an agency's identity-provider key.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Issue development officer tokens.",
    subcommands = {TokenCommand.Issue.class})
public final class TokenCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code fedgate token issue --agency A --sub S --role R}: prints a bearer JWT. */
  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = {
        "Print a bearer token (JWT, ES256) for an officer of the agency, signed with its",
        "identity-provider key (development PKI: certs-dev/agencies/<AGENCY>/idp.p12)."
      })
  static final class Issue implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--agency", required = true, description = "Agency id, e.g. TH-CCIB.")
    String agency;

    @Option(
        names = "--sub",
        required = true,
        description = "The officer's pseudonymous id (never a name), e.g. officer-042.")
    String subject;

    @Option(names = "--role", required = true, description = "OFFICER, REVIEWER or ADMIN.")
    String role;

    @Option(
        names = "--keystore",
        description = "Identity-provider PKCS#12 (default: certs-dev/agencies/<AGENCY>/idp.p12).")
    Path keystore;

    @Option(
        names = "--password",
        description = "Keystore password (default: the development password).")
    String password;

    @Option(
        names = "--ttl",
        defaultValue = "PT8H",
        description = "Lifetime, ISO-8601 (default PT8H, at most PT12H).")
    Duration ttl;

    @Override
    public Integer call() {
      AgencyId a;
      OfficerRole r;
      try {
        a = AgencyId.of(agency);
        r = OfficerRole.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "--agency or --role invalid");
      }
      Path p = keystore != null ? keystore : Path.of("certs-dev", "agencies", a.value(), "idp.p12");
      if (!Files.isReadable(p)) {
        throw new FedgateException(
            GatewayError.CONFIG_INVALID, "identity-provider keystore not found");
      }
      SigningIdentity idp =
          SigningIdentity.load(
              p, (password != null ? password : DevPki.DEV_PASSWORD).toCharArray());
      spec.commandLine()
          .getOut()
          .println(OfficerTokens.issuer(idp).issue(subject, r, ttl, Instant.now()));
      return 0;
    }
  }
}
