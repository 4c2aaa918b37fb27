package org.fedgate.gateway.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test-only TLS material made with the JDK's keytool: one root, one TLS key per agency. */
public final class DevCerts {

  public static final String PASSWORD = "changeit";

  private DevCerts() {}

  public static Path generate(Path dir, String... agencies) throws Exception {
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        "root",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=Test Federation Root",
        "-ext",
        "bc:c",
        "-keystore",
        "root.p12",
        "-storepass",
        PASSWORD,
        "-validity",
        "30");
    keytool(
        dir,
        "-exportcert",
        "-rfc",
        "-alias",
        "root",
        "-keystore",
        "root.p12",
        "-storepass",
        PASSWORD,
        "-file",
        "root.pem");
    for (String a : agencies) {
      String ks = a + "-tls.p12";
      keytool(
          dir,
          "-genkeypair",
          "-alias",
          "tls",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + a,
          "-keystore",
          ks,
          "-storepass",
          PASSWORD,
          "-validity",
          "30");
      keytool(
          dir,
          "-certreq",
          "-alias",
          "tls",
          "-keystore",
          ks,
          "-storepass",
          PASSWORD,
          "-file",
          a + ".csr");
      keytool(
          dir,
          "-gencert",
          "-alias",
          "root",
          "-keystore",
          "root.p12",
          "-storepass",
          PASSWORD,
          "-infile",
          a + ".csr",
          "-outfile",
          a + "-tls.pem",
          "-rfc",
          "-validity",
          "30",
          "-ext",
          "san=ip:127.0.0.1,dns:localhost",
          "-ext",
          "eku=serverAuth,clientAuth");
      keytool(
          dir,
          "-importcert",
          "-alias",
          "root",
          "-file",
          "root.pem",
          "-keystore",
          ks,
          "-storepass",
          PASSWORD,
          "-noprompt");
      keytool(
          dir,
          "-importcert",
          "-alias",
          "tls",
          "-file",
          a + "-tls.pem",
          "-keystore",
          ks,
          "-storepass",
          PASSWORD,
          "-noprompt");
    }
    return dir;
  }

  private static void keytool(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }
}
