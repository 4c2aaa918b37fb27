package org.fedgate.trust;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fedgate.model.AgencyId;

/**
 * Generates the development PKI of a demo federation: a root CA, a directory signer, and for each
 * agency a gateway signing key (ES256 or EdDSA), a mutual-TLS certificate and an identity-provider
 * key; one extra member ({@value #REVOKED_MEMBER}) whose certificates are revoked; a CRL; a signed
 * federation directory. Development and tests only: the keystore password is public.
 *
 * <p>Layout under the output folder:
 *
 * <pre>
 * root-ca.pem  root-ca.p12  root-ca.crl.pem  truststore.p12
 * directory-signer.p12  directory-signer.pem  directory.json  directory.jws
 * agencies/&lt;ID&gt;/signing.p12 signing.pem tls.p12 tls.pem idp.p12 idp.pem
 * </pre>
 */
public final class DevPki {

  /** The development keystore password (public on purpose; never use these files in production). */
  public static final String DEV_PASSWORD = "fedgate-dev";

  /** The demo agencies. */
  public static final List<AgencyId> DEMO_AGENCIES =
      List.of(AgencyId.of("TH-CCIB"), AgencyId.of("KH-AHTJP"), AgencyId.of("ID-BARESKRIM"));

  /** The extra member whose certificates are revoked (for tests). */
  public static final String REVOKED_MEMBER = "XX-REVOKED";

  private static final Map<String, String> NAMES =
      Map.of(
          "TH-CCIB",
          "Central Investigation Bureau, Royal Thai Police (demo)",
          "KH-AHTJP",
          "Anti-Human Trafficking and Juvenile Protection Department, Cambodia (demo)",
          "ID-BARESKRIM",
          "Criminal Investigation Agency, Indonesian National Police (demo)",
          REVOKED_MEMBER,
          "Demo member with a revoked certificate");

  /** Generation options. */
  public record Options(
      JwsAlgorithm algorithm,
      Map<AgencyId, String> gatewayUrls,
      Instant now,
      Duration validity,
      char[] password) {
    public Options {
      Objects.requireNonNull(algorithm, "algorithm");
      gatewayUrls = Map.copyOf(gatewayUrls);
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(validity, "validity");
      password = password.clone();
    }

    /** ES256, loopback gateway URLs 8441-8443, valid two years from now. */
    public static Options defaults() {
      return new Options(
          JwsAlgorithm.ES256,
          defaultUrls(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS),
          Duration.ofDays(730),
          DEV_PASSWORD.toCharArray());
    }

    public Options withAlgorithm(JwsAlgorithm a) {
      return new Options(a, gatewayUrls, now, validity, password);
    }

    public Options withNow(Instant n) {
      return new Options(algorithm, gatewayUrls, n, validity, password);
    }

    public Options withGatewayUrls(Map<AgencyId, String> urls) {
      Map<AgencyId, String> merged = new LinkedHashMap<>(gatewayUrls);
      merged.putAll(urls);
      return new Options(algorithm, merged, now, validity, password);
    }
  }

  /** Loopback URLs: TH-CCIB 8441, KH-AHTJP 8442, ID-BARESKRIM 8443, the revoked member 8449. */
  public static Map<AgencyId, String> defaultUrls() {
    Map<AgencyId, String> m = new LinkedHashMap<>();
    m.put(AgencyId.of("TH-CCIB"), "https://127.0.0.1:8441");
    m.put(AgencyId.of("KH-AHTJP"), "https://127.0.0.1:8442");
    m.put(AgencyId.of("ID-BARESKRIM"), "https://127.0.0.1:8443");
    m.put(AgencyId.of(REVOKED_MEMBER), "https://127.0.0.1:8449");
    return m;
  }

  /** What was generated, with the paths the gateway and tests need. */
  public record Result(Path root, DevCa ca, char[] password) {
    public Path rootCertificate() {
      return root.resolve("root-ca.pem");
    }

    public Path crl() {
      return root.resolve("root-ca.crl.pem");
    }

    public Path trustStore() {
      return root.resolve("truststore.p12");
    }

    public Path directoryJws() {
      return root.resolve("directory.jws");
    }

    public Path directoryJson() {
      return root.resolve("directory.json");
    }

    public Path directorySigner() {
      return root.resolve("directory-signer.p12");
    }

    public Path agencyDir(AgencyId agency) {
      return root.resolve("agencies").resolve(agency.value());
    }

    public Path signingKeystore(AgencyId agency) {
      return agencyDir(agency).resolve("signing.p12");
    }

    public Path tlsKeystore(AgencyId agency) {
      return agencyDir(agency).resolve("tls.p12");
    }

    public Path idpKeystore(AgencyId agency) {
      return agencyDir(agency).resolve("idp.p12");
    }

    public FederationRoot federationRoot() {
      return FederationRoot.fromFile(rootCertificate());
    }

    public SigningIdentity signing(AgencyId agency) {
      return SigningIdentity.load(signingKeystore(agency), password);
    }

    @Override
    public String toString() {
      return "DevPki.Result[" + root + "]";
    }
  }

  private DevPki() {}

  public static Result generate(Path out) throws IOException {
    return generate(out, Options.defaults());
  }

  public static Result generate(Path out, Options o) throws IOException {
    Files.createDirectories(out);
    Instant nb = o.now().minus(Duration.ofMinutes(5));
    Instant na = o.now().plus(o.validity());
    DevCa ca =
        DevCa.createRoot(
            "fedgate development root CA", nb, o.now().plus(o.validity().multipliedBy(5)));
    char[] pw = o.password();
    write(out.resolve("root-ca.pem"), Certificates.toPem(ca.certificate()));
    Pkcs12.writeKey(
        out.resolve("root-ca.p12"), "root", ca.privateKey(), List.of(ca.certificate()), pw);
    Pkcs12.writeTrust(out.resolve("truststore.p12"), List.of(ca.certificate()), pw);

    KeyPair dirKp = DevCa.newKeyPair(JwsAlgorithm.ES256);
    X509Certificate dirCert = ca.issueDirectorySigner(dirKp.getPublic(), nb, na);
    Pkcs12.writeKey(
        out.resolve("directory-signer.p12"), "directory", dirKp.getPrivate(), List.of(dirCert), pw);
    write(out.resolve("directory-signer.pem"), Certificates.toPem(dirCert));

    List<AgencyId> all = new ArrayList<>(DEMO_AGENCIES);
    all.add(AgencyId.of(REVOKED_MEMBER));
    List<DirectoryDocument.Member> members = new ArrayList<>();
    List<BigInteger> revokedSerials = new ArrayList<>();
    for (AgencyId agency : all) {
      Path dir = out.resolve("agencies").resolve(agency.value());
      KeyPair sKp = DevCa.newKeyPair(o.algorithm());
      X509Certificate sCert = ca.issueSigning(agency, sKp.getPublic(), nb, na);
      Pkcs12.writeKey(dir.resolve("signing.p12"), "signing", sKp.getPrivate(), List.of(sCert), pw);
      write(dir.resolve("signing.pem"), Certificates.toPem(sCert));

      KeyPair tKp = DevCa.newKeyPair(JwsAlgorithm.ES256);
      X509Certificate tCert =
          ca.issueTls(agency, tKp.getPublic(), nb, na, List.of("localhost"), List.of("127.0.0.1"));
      Pkcs12.writeKey(
          dir.resolve("tls.p12"), "tls", tKp.getPrivate(), List.of(tCert, ca.certificate()), pw);
      write(dir.resolve("tls.pem"), Certificates.toPem(tCert));

      KeyPair iKp = DevCa.newKeyPair(JwsAlgorithm.ES256);
      X509Certificate iCert = ca.issueIdp(agency, iKp.getPublic(), nb, na);
      Pkcs12.writeKey(dir.resolve("idp.p12"), "idp", iKp.getPrivate(), List.of(iCert), pw);
      write(dir.resolve("idp.pem"), Certificates.toPem(iCert));

      if (agency.value().equals(REVOKED_MEMBER)) {
        revokedSerials.add(sCert.getSerialNumber());
        revokedSerials.add(tCert.getSerialNumber());
      }
      String url = o.gatewayUrls().getOrDefault(agency, "https://127.0.0.1:8449");
      members.add(
          new DirectoryDocument.Member(
              agency,
              agency.country(),
              NAMES.getOrDefault(agency.value(), agency.value()),
              url,
              List.of(b64(sCert)),
              List.of(b64(tCert))));
    }
    X509CRL crl = ca.crl(revokedSerials, nb, na);
    try {
      write(out.resolve("root-ca.crl.pem"), Certificates.pem("X509 CRL", crl.getEncoded()));
    } catch (CRLException e) {
      throw new IOException("CRL encoding failed", e);
    }
    List<DirectoryDocument.Revocation> revocations = new ArrayList<>();
    for (BigInteger s : revokedSerials) {
      revocations.add(new DirectoryDocument.Revocation(s.toString(16), nb));
    }
    DirectoryDocument doc =
        new DirectoryDocument(
            DirectoryDocument.SCHEMA,
            1,
            o.now(),
            // reissue the directory well before its signer's certificate expires
            o.now().plus(o.validity().dividedBy(2)),
            members,
            revocations);
    write(
        out.resolve("directory.json"),
        Jws.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
    SigningIdentity dirSigner = SigningIdentity.of(dirKp.getPrivate(), List.of(dirCert));
    write(out.resolve("directory.jws"), DirectorySigner.sign(doc, dirSigner));
    return new Result(out, ca, pw);
  }

  private static String b64(X509Certificate c) {
    return Base64.getEncoder().encodeToString(Certificates.der(c));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
