package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Published vectors and independent verifiers: our JWS are plain RFC 7515. */
class InteropTest {

  @TempDir Path dir;

  private static byte[] b64u(String s) {
    return Base64.getUrlDecoder().decode(s);
  }

  @Test
  void verify_rfc7515AppendixA3Es256Vector_accepted() throws Exception {
    // RFC 7515 A.3: ECDSA P-256 SHA-256
    String x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    String y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    String header = "eyJhbGciOiJFUzI1NiJ9";
    String payload =
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    String sig =
        "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
    PublicKey key =
        KeyFactory.getInstance("EC")
            .generatePublic(
                new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, b64u(x)), new BigInteger(1, b64u(y))), spec));
    PublicKey bc = Keys.toBc(key);

    assertThat(JwsAlgorithm.ES256.verify(bc, Jws.signingInput(header, payload), b64u(sig)))
        .isTrue();
    assertThat(JwsAlgorithm.ES256.verify(bc, Jws.signingInput(header, payload + "x"), b64u(sig)))
        .isFalse();
  }

  @Test
  void sign_rfc8037AppendixA4Ed25519Vector_producesPublishedSignature() throws Exception {
    // RFC 8037 A.1 key, A.4 signature (Ed25519 is deterministic)
    byte[] d = b64u("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
    byte[] x = b64u("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    String header = "eyJhbGciOiJFZERTQSJ9";
    String payload = "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    String expected =
        "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    assertThat(new String(b64u(payload), StandardCharsets.UTF_8))
        .isEqualTo("Example of Ed25519 signing");
    PrivateKey priv =
        KeyFactory.getInstance("Ed25519", Bc.PROVIDER)
            .generatePrivate(
                new PKCS8EncodedKeySpec(
                    concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), d)));
    PublicKey pub =
        KeyFactory.getInstance("Ed25519", Bc.PROVIDER)
            .generatePublic(
                new X509EncodedKeySpec(
                    concat(HexFormat.of().parseHex("302a300506032b6570032100"), x)));

    byte[] sig = JwsAlgorithm.EDDSA.sign(priv, Jws.signingInput(header, payload));

    assertThat(Jws.b64url(sig)).isEqualTo(expected);
    assertThat(JwsAlgorithm.EDDSA.verify(pub, Jws.signingInput(header, payload), sig)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void seal_envelope_verifiesWithJdkOnlyCode(JwsAlgorithm alg) throws Exception {
    TestFederation fed = TestFederation.create(dir, alg);
    String jws =
        new EnvelopeSealer(fed.signing(TestFederation.TH))
            .seal(fed.envelope(TestFederation.TH, TestFederation.KH).build());

    // nothing from fedgate or Bouncy Castle below: JDK Base64, CertificateFactory, SunEC
    JsonNode n = Jws.JSON.readTree(jws);
    String h = n.get("protected").textValue();
    String p = n.get("payload").textValue();
    JsonNode header = Jws.JSON.readTree(b64u(h));
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        Base64.getDecoder().decode(header.get("x5c").get(0).textValue())));
    String jca = alg == JwsAlgorithm.ES256 ? "SHA256withECDSAinP1363Format" : "Ed25519";
    Signature s = Signature.getInstance(jca);
    assertThat(s.getProvider().getName()).isEqualTo("SunEC");
    s.initVerify(cert.getPublicKey());
    s.update((h + "." + p).getBytes(StandardCharsets.US_ASCII));
    assertThat(s.verify(b64u(n.get("signature").textValue()))).isTrue();
    assertThat(header.get("alg").textValue()).isEqualTo(alg.joseName());
  }

  @Test
  void seal_envelopeAndAgreement_verifyWithNimbus() throws Exception {
    TestFederation fed = TestFederation.create(dir, JwsAlgorithm.ES256);
    SigningIdentity th = fed.signing(TestFederation.TH);
    SigningIdentity kh = fed.signing(TestFederation.KH);
    String envelope =
        new EnvelopeSealer(th).seal(fed.envelope(TestFederation.TH, TestFederation.KH).build());
    String agreement =
        new MultiPartySigner()
            .sign("{\"agreementId\":\"AGR-1\"}".getBytes(StandardCharsets.UTF_8), List.of(th, kh));

    JWSObjectJSON e = JWSObjectJSON.parse(envelope);
    assertThat(
            e.getSignatures()
                .get(0)
                .verify(new ECDSAVerifier((ECPublicKey) th.certificate().getPublicKey())))
        .isTrue();
    JWSObjectJSON a = JWSObjectJSON.parse(agreement);
    assertThat(a.getSignatures()).hasSize(2);
    assertThat(
            a.getSignatures()
                .get(0)
                .verify(new ECDSAVerifier((ECPublicKey) th.certificate().getPublicKey())))
        .isTrue();
    assertThat(
            a.getSignatures()
                .get(1)
                .verify(new ECDSAVerifier((ECPublicKey) kh.certificate().getPublicKey())))
        .isTrue();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
