package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fedgate.trust.TestFederation.ID;
import static org.fedgate.trust.TestFederation.KH;
import static org.fedgate.trust.TestFederation.REVOKED;
import static org.fedgate.trust.TestFederation.TH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fedgate.model.envelope.Envelope;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeVerifierTest {

  @TempDir static Path dir;
  static TestFederation fed;
  static SigningIdentity th;
  static EnvelopeSealer sealer;

  @BeforeAll
  static void federation() throws Exception {
    fed = TestFederation.create(dir, JwsAlgorithm.ES256);
    th = fed.signing(TH);
    sealer = new EnvelopeSealer(th);
  }

  private static Envelope envelope() {
    return fed.envelope(TH, KH).build();
  }

  private static byte[] payload(Envelope e) throws Exception {
    return Jws.JSON.writeValueAsBytes(e);
  }

  /** Opens at KH and returns the refusal; asserts no record or legal-basis text leaks. */
  private static FedgateException refused(String jws) {
    return refused(fed.verifier(KH), jws, fed.now);
  }

  private static FedgateException refused(EnvelopeVerifier v, String jws, Instant now) {
    FedgateException e = catchThrowableOfType(FedgateException.class, () -> v.open(jws, now));
    assertThat(e).as("expected a refusal").isNotNull();
    assertThat(e.getMessage())
        .doesNotContain("Test Person")
        .doesNotContain("CASE-TEST")
        .doesNotContain("MoU");
    return e;
  }

  @Test
  void open_tamperedPayload_signatureInvalid() throws Exception {
    Jws.Flattened f = Forge.parts(sealer.seal(envelope()));
    String other = Jws.b64url(payload(fed.envelope(TH, KH).legalBasis("Other basis").build()));
    assertThat(refused(Forge.withParts(f.protectedB64(), other, f.signatureB64())).code())
        .isEqualTo("FG-2013");
  }

  @Test
  void open_tamperedProtectedHeader_signatureInvalid() throws Exception {
    Jws.Flattened f = Forge.parts(sealer.seal(envelope()));
    // same parameters, different bytes: the signature covers the exact header text
    ObjectNode h = Forge.header(th);
    ObjectNode swapped = Jws.JSON.createObjectNode();
    swapped.set("typ", h.get("typ"));
    swapped.setAll(h);
    assertThat(Forge.b64(swapped)).isNotEqualTo(f.protectedB64());
    assertThat(
            refused(Forge.withParts(Forge.b64(swapped), f.payloadB64(), f.signatureB64())).code())
        .isEqualTo("FG-2013");
  }

  @Test
  void open_algNone_refusedAsUnsecured() throws Exception {
    ObjectNode h = Forge.header(th).put("alg", "none");
    String jws = Forge.withParts(Forge.b64(h), Jws.b64url(payload(envelope())), "");
    assertThat(refused(jws).code()).isEqualTo("FG-2003");
  }

  @Test
  void open_hs256WithPublicKeyAsSecret_algorithmNotAllowed() throws Exception {
    ObjectNode h = Forge.header(th).put("alg", "HS256");
    String hb = Forge.b64(h);
    String pb = Jws.b64url(payload(envelope()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(th.certificate().getPublicKey().getEncoded(), "HmacSHA256"));
    String sig = Jws.b64url(mac.doFinal(Jws.signingInput(hb, pb)));
    assertThat(refused(Forge.withParts(hb, pb, sig)).code()).isEqualTo("FG-2004");
  }

  @Test
  void open_edDsaHeaderOnP256Certificate_algorithmKeyMismatch() throws Exception {
    String jws = Forge.sign(th, Forge.header(th).put("alg", "EdDSA"), payload(envelope()));
    assertThat(refused(jws).code()).isEqualTo("FG-2005");
  }

  @Test
  void open_unprotectedOrExtraHeaderParameter_headerInvalid() throws Exception {
    String jws =
        Forge.sign(th, Forge.header(th).put("jku", "https://x.example/k"), payload(envelope()));
    assertThat(refused(jws).code()).isEqualTo("FG-2006");
    String wrongTyp = Forge.sign(th, Forge.header(th, ReceiptSigner.TYP), payload(envelope()));
    assertThat(refused(wrongTyp).code()).isEqualTo("FG-2006");
  }

  @Test
  void open_certificateFromFederationRootButNotInDirectory_unknownKid() throws Exception {
    KeyPair kp = DevCa.newKeyPair(JwsAlgorithm.ES256);
    X509Certificate cert =
        fed.pki
            .ca()
            .issueSigning(TH, kp.getPublic(), fed.now.minusSeconds(60), fed.now.plusSeconds(86400));
    String jws = new EnvelopeSealer(Forge.identity(kp, cert)).seal(envelope());
    assertThat(refused(jws).code()).isEqualTo("FG-2007");
  }

  @Test
  void open_kidNotNamingTheCertificate_unknownKid() throws Exception {
    String jws =
        Forge.sign(th, Forge.header(th).put("kid", "not-a-listed-key"), payload(envelope()));
    assertThat(refused(jws).code()).isEqualTo("FG-2007");
  }

  @Test
  void open_certificateFromAnotherCa_untrusted() throws Exception {
    DevCa other =
        DevCa.createRoot("rogue root", fed.now.minusSeconds(60), fed.now.plusSeconds(86400));
    KeyPair kp = DevCa.newKeyPair(JwsAlgorithm.ES256);
    X509Certificate cert =
        other.issueSigning(
            TH, kp.getPublic(), fed.now.minusSeconds(60), fed.now.plusSeconds(86400));
    String jws = new EnvelopeSealer(Forge.identity(kp, cert, other.certificate())).seal(envelope());
    assertThat(refused(jws).code()).isEqualTo("FG-2009");
  }

  @Test
  void open_rogueCertificateAfterAGenuineOne_stillUntrusted() throws Exception {
    // the genuine chain is verified and remembered; a look-alike chain must not ride on that
    EnvelopeVerifier v = fed.verifier(KH);
    assertThat(v.open(sealer.seal(envelope()), fed.now).envelope().from()).isEqualTo(TH);
    DevCa other =
        DevCa.createRoot("rogue root", fed.now.minusSeconds(60), fed.now.plusSeconds(86400));
    KeyPair kp = DevCa.newKeyPair(JwsAlgorithm.ES256);
    X509Certificate cert =
        other.issueSigning(
            TH, kp.getPublic(), fed.now.minusSeconds(60), fed.now.plusSeconds(86400));
    String rogue =
        new EnvelopeSealer(Forge.identity(kp, cert, other.certificate())).seal(envelope());
    assertThat(refused(v, rogue, fed.now).code()).isEqualTo("FG-2009");
  }

  @Test
  void open_expiredCertificateListedInDirectory_certificateExpired() throws Exception {
    KeyPair kp = DevCa.newKeyPair(JwsAlgorithm.ES256);
    X509Certificate cert =
        fed.pki
            .ca()
            .issueSigning(
                TH,
                kp.getPublic(),
                fed.now.minus(Duration.ofDays(3)),
                fed.now.minus(Duration.ofDays(1)));
    EnvelopeVerifier v = verifierWithDirectory(d -> addSigningCert(d, TH, cert));
    String jws = new EnvelopeSealer(Forge.identity(kp, cert)).seal(envelope());
    assertThat(refused(v, jws, fed.now).code()).isEqualTo("FG-2010");
  }

  @Test
  void open_certificateExpiredAtCreatedAtOnly_certificateExpired() throws Exception {
    String jws =
        sealer.seal(
            fed.envelope(TH, KH)
                .createdAt(fed.now.minus(Duration.ofDays(3)))
                .ttl(Duration.ofDays(4))
                .build());
    assertThat(refused(jws).code()).isEqualTo("FG-2010");
  }

  @Test
  void open_revokedMemberCertificate_certificateRevoked() {
    String jws = new EnvelopeSealer(fed.signing(REVOKED)).seal(fed.envelope(REVOKED, KH).build());
    assertThat(refused(jws).code()).isEqualTo("FG-2011");
  }

  @Test
  void open_tlsCertificateUsedForSigning_keyUsageInvalid() throws Exception {
    SigningIdentity tls = SigningIdentity.load(fed.pki.tlsKeystore(TH), fed.pki.password());
    EnvelopeVerifier v = verifierWithDirectory(d -> addSigningCert(d, TH, tls.certificate()));
    String jws =
        new EnvelopeSealer(SigningIdentity.of(tls.privateKey(), List.of(tls.certificate())))
            .seal(envelope());
    assertThat(refused(v, jws, fed.now).code()).isEqualTo("FG-2012");
  }

  @Test
  void open_senderIsNotTheSigner_senderNotSigner() throws Exception {
    String jws = Forge.sign(th, Forge.header(th), payload(fed.envelope(ID, KH).build()));
    assertThat(refused(jws).code()).isEqualTo("FG-2014");
  }

  @Test
  void open_tlsPeerIsNotTheSender_senderNotSignerAndNotRecorded() {
    EnvelopeVerifier v = fed.verifier(KH);
    Envelope e = envelope();
    String jws = sealer.seal(e);
    FedgateException ex =
        catchThrowableOfType(FedgateException.class, () -> v.open(jws, fed.now, ID));
    assertThat(ex.code()).isEqualTo("FG-2014");
    assertThat(v.open(jws, fed.now, TH).envelope().messageId()).isEqualTo(e.messageId());
  }

  @Test
  void seal_envelopeFromAnotherAgency_senderNotSigner() {
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class, () -> sealer.seal(fed.envelope(ID, KH).build()));
    assertThat(e.code()).isEqualTo("FG-2014");
  }

  @Test
  void open_sameEnvelopeTwice_replay() {
    EnvelopeVerifier v = fed.verifier(KH);
    String jws = sealer.seal(envelope());
    v.open(jws, fed.now);
    assertThat(refused(v, jws, fed.now.plusSeconds(5)).code()).isEqualTo("FG-2015");
  }

  @Test
  void open_expiredEnvelope_envelopeExpired() {
    String jws =
        sealer.seal(
            fed.envelope(TH, KH)
                .createdAt(fed.now.minus(Duration.ofHours(2)))
                .ttl(Duration.ofMinutes(30))
                .build());
    assertThat(refused(jws).code()).isEqualTo("FG-2016");
  }

  @Test
  void open_createdFarInTheFuture_outsideTimeWindow() {
    String jws =
        sealer.seal(fed.envelope(TH, KH).createdAt(fed.now.plus(Duration.ofMinutes(11))).build());
    assertThat(refused(jws).code()).isEqualTo("FG-2017");
  }

  @Test
  void open_createdWithinSkew_accepted() {
    String jws =
        sealer.seal(fed.envelope(TH, KH).createdAt(fed.now.plus(Duration.ofMinutes(9))).build());
    assertThat(fed.verifier(KH).open(jws, fed.now).signer()).isEqualTo(TH);
  }

  @Test
  void open_signedPayloadNotAnEnvelope_payloadInvalid() throws Exception {
    ObjectNode p = (ObjectNode) Jws.JSON.readTree(payload(envelope()));
    p.remove("purpose");
    String jws = Forge.sign(th, Forge.header(th), Jws.JSON.writeValueAsBytes(p));
    assertThat(refused(jws).code()).isEqualTo("FG-2018");
  }

  @Test
  void open_addressedToAnotherAgency_recipientMismatch() {
    String jws = sealer.seal(fed.envelope(TH, ID).build());
    assertThat(refused(jws).code()).isEqualTo("FG-2019");
  }

  @Test
  void open_truncatedJws_malformed() {
    String jws = sealer.seal(envelope());
    assertThat(refused(jws.substring(0, jws.length() / 2)).code()).isEqualTo("FG-2002");
    Jws.Flattened f = Forge.parts(jws);
    String shortSig = f.signatureB64().substring(0, 40);
    assertThat(refused(Forge.withParts(f.protectedB64(), f.payloadB64(), shortSig)).code())
        .isEqualTo("FG-2002");
  }

  @Test
  void open_duplicatePayloadOrUnprotectedHeader_malformed() {
    String jws = sealer.seal(envelope());
    String dup = jws.replace("{\"protected\"", "{\"payload\":\"e30\",\"protected\"");
    assertThat(refused(dup).code()).isEqualTo("FG-2002");
    String unprotected = jws.replace("{\"protected\"", "{\"header\":\"x\",\"protected\"");
    assertThat(refused(unprotected).code()).isEqualTo("FG-2002");
  }

  @Test
  void open_notJson_notJson() {
    assertThat(refused("this is not json").code()).isEqualTo("FG-2001");
    assertThat(refused("eyJhbGciOiJFUzI1NiJ9.e30.c2ln").code()).isEqualTo("FG-2001");
  }

  @Test
  void open_x5cLongerThanFive_chainTooLarge() throws Exception {
    ObjectNode h = Forge.header(th);
    var x5c = h.withArray("x5c");
    String root = Base64.getEncoder().encodeToString(fed.pki.ca().certificate().getEncoded());
    for (int i = 0; i < 5; i++) {
      x5c.add(root);
    }
    assertThat(refused(Forge.sign(th, h, payload(envelope()))).code()).isEqualTo("FG-2008");
  }

  @Test
  void open_x5cLargerThan64KiB_chainTooLarge() throws Exception {
    ObjectNode h = Forge.header(th);
    h.withArray("x5c").add(Base64.getEncoder().encodeToString(new byte[70 * 1024]));
    assertThat(refused(Forge.sign(th, h, payload(envelope()))).code()).isEqualTo("FG-2008");
  }

  @Test
  void open_directoryPastNextUpdatePlusGrace_stale() {
    String jws = sealer.seal(envelope());
    Instant later = fed.now.plus(Duration.ofDays(800));
    assertThat(refused(fed.verifier(KH), jws, later).code()).isEqualTo("FG-2023");
  }

  // --- helpers: a second directory version signed by the real directory signer

  private static EnvelopeVerifier verifierWithDirectory(
      Consumer<List<DirectoryDocument.Member>> change) throws Exception {
    DirectoryDocument d =
        Jws.JSON.readValue(fed.pki.directoryJson().toFile(), DirectoryDocument.class);
    List<DirectoryDocument.Member> members = new ArrayList<>(d.members());
    change.accept(members);
    DirectoryDocument next =
        new DirectoryDocument(
            d.schema(), d.version() + 1, d.issuedAt(), d.nextUpdate(), members, d.revoked());
    SigningIdentity signer = SigningIdentity.load(fed.pki.directorySigner(), fed.pki.password());
    DirectoryHolder holder = new DirectoryHolder(fed.pki.federationRoot());
    holder.update(DirectorySigner.sign(next, signer), fed.now);
    return new EnvelopeVerifier(holder, new ReplayGuard(), KH);
  }

  private static void addSigningCert(
      List<DirectoryDocument.Member> members,
      org.fedgate.model.AgencyId agency,
      X509Certificate cert) {
    for (int i = 0; i < members.size(); i++) {
      DirectoryDocument.Member m = members.get(i);
      if (m.agency().equals(agency)) {
        List<String> certs = new ArrayList<>(m.signingCertificates());
        certs.add(Base64.getEncoder().encodeToString(Certificates.der(cert)));
        members.set(
            i,
            new DirectoryDocument.Member(
                m.agency(), m.country(), m.name(), m.gatewayUrl(), certs, m.tlsCertificates()));
      }
    }
  }
}
