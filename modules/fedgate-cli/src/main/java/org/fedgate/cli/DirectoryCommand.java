package org.fedgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.DirectoryDocument;
import org.fedgate.trust.DirectoryHolder;
import org.fedgate.trust.DirectorySigner;
import org.fedgate.trust.FederationDirectory;
import org.fedgate.trust.FederationRoot;
import org.fedgate.trust.SigningIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedgate directory}: sign and verify the federation directory (operator tools). */
@Command(
    name = "directory",
    description = "Sign and verify the federation directory.",
    subcommands = {DirectoryCommand.Sign.class, DirectoryCommand.Verify.class})
public final class DirectoryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The keystore password: --password, else FEDGATE_KEYSTORE_PASSWORD, else the dev password. */
  static char[] password(String option) {
    if (option != null) {
      return option.toCharArray();
    }
    String env = System.getenv("FEDGATE_KEYSTORE_PASSWORD");
    return (env != null ? env : DevPki.DEV_PASSWORD).toCharArray();
  }

  static String read(String file) throws IOException {
    if ("-".equals(file)) {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  /**
   * Loads and verifies a directory. {@code dirOrFile} is a PKI folder (uses its {@code
   * directory.jws} and {@code root-ca.pem}), a signed directory file, or an http(s) URL; {@code
   * root} overrides the pinned root (default: {@code root-ca.pem} beside the file).
   */
  static DirectoryHolder load(String dirOrFile, Path root, Instant now) {
    boolean url = dirOrFile.startsWith("http://") || dirOrFile.startsWith("https://");
    Path source = url ? null : Path.of(dirOrFile);
    String directory = dirOrFile;
    if (source != null && Files.isDirectory(source)) {
      directory = source.resolve("directory.jws").toString();
    }
    Path rootFile = root;
    if (rootFile == null) {
      if (source == null) {
        throw new FedgateException(
            TrustError.DIRECTORY_UNAVAILABLE, "--root is required with a URL");
      }
      Path base = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
      rootFile = base.resolve("root-ca.pem");
    }
    DirectoryHolder holder = new DirectoryHolder(FederationRoot.fromFile(rootFile));
    holder.load(directory, now);
    return holder;
  }

  /** {@code fedgate directory sign --keystore P12 FILE [--out OUT]}. */
  @Command(name = "sign", description = "Sign directory JSON with the directory-signer keystore.")
  static final class Sign implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--keystore", required = true, description = "Directory signer PKCS#12.")
    Path keystore;

    @Option(names = "--password", description = "Keystore password (default: dev password).")
    String password;

    @Option(names = "--out", description = "Write the signed directory here (default: stdout).")
    Path out;

    @Parameters(index = "0", paramLabel = "FILE", description = "Directory JSON ('-' = stdin).")
    String file;

    @Override
    public Integer call() throws Exception {
      String jws =
          DirectorySigner.signJson(read(file), SigningIdentity.load(keystore, password(password)));
      if (out != null) {
        Files.writeString(out, jws, StandardCharsets.UTF_8);
      } else {
        spec.commandLine().getOut().println(jws);
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  /** {@code fedgate directory verify [--root PEM] DIR_OR_FILE_OR_URL}. */
  @Command(name = "verify", description = "Verify a signed directory against the pinned root.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--root",
        description = "Pinned root certificate (default: root-ca.pem beside).")
    Path root;

    @Parameters(index = "0", paramLabel = "DIR_OR_FILE", description = "PKI folder, file or URL.")
    String source;

    @Override
    public Integer call() {
      FederationDirectory d = load(source, root, Instant.now()).current(Instant.now());
      DirectoryDocument doc = d.document();
      var w = spec.commandLine().getOut();
      w.println(
          "directory version "
              + doc.version()
              + " verified; issuedAt "
              + doc.issuedAt()
              + ", nextUpdate "
              + doc.nextUpdate());
      for (DirectoryDocument.Member m : d.members()) {
        w.println("  " + m.agency() + "  " + m.gatewayUrl() + "  " + m.name());
      }
      w.println("  revoked serials: " + doc.revoked().size());
      w.flush();
      return 0;
    }
  }
}
