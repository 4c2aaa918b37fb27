package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fedgate.trust.TestFederation.ID;
import static org.fedgate.trust.TestFederation.KH;
import static org.fedgate.trust.TestFederation.TH;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fedgate.model.envelope.MessageIds;
import org.fedgate.model.envelope.Receipt;
import org.fedgate.model.envelope.ReceiptOutcome;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.spi.VerifiedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ReceiptAndMultiPartyTest {

  @TempDir static Path dir;
  static TestFederation fed;

  @BeforeAll
  static void federation() throws Exception {
    fed = TestFederation.create(dir, JwsAlgorithm.EDDSA);
  }

  private static String code(Executable e) {
    return catchThrowableOfType(FedgateException.class, e::execute).code();
  }

  @Test
  void receipt_acceptedByReceiver_verifiesAtSender() {
    String jws = new EnvelopeSealer(fed.signing(TH)).seal(fed.envelope(TH, KH).build());
    VerifiedEnvelope v = fed.verifier(KH).open(jws, fed.now);
    String receipt = new ReceiptSigner(fed.signing(KH)).accept(v, fed.now);

    Receipt r =
        new ReceiptVerifier(fed.holder)
            .verify(
                receipt, KH, v.envelope().messageId(), EnvelopeSealer.payloadSha256(jws), fed.now);

    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.ACCEPTED);
    assertThat(r.from()).isEqualTo(KH);
  }

  @Test
  void receipt_rejectedWithCode_carriesCode() {
    UUID id = MessageIds.newUuidV7();
    String digest = Certificates.sha256Base64Url(new byte[] {1});
    String receipt =
        new ReceiptSigner(fed.signing(KH))
            .sign(Receipt.rejected(id, KH, TH, digest, fed.now, "FG-2015"));
    Receipt r = new ReceiptVerifier(fed.holder).verify(receipt, KH, id, digest, fed.now);
    assertThat(r.errorCode()).isEqualTo("FG-2015");
  }

  @Test
  void receipt_forOtherDigestOrSignedByThirdParty_refused() {
    UUID id = MessageIds.newUuidV7();
    String digest = Certificates.sha256Base64Url(new byte[] {1});
    String other = Certificates.sha256Base64Url(new byte[] {2});
    String receipt =
        new ReceiptSigner(fed.signing(KH)).sign(Receipt.accepted(id, KH, TH, digest, fed.now));
    ReceiptVerifier rv = new ReceiptVerifier(fed.holder);
    assertThat(code(() -> rv.verify(receipt, KH, id, other, fed.now))).isEqualTo("FG-2027");
    assertThat(code(() -> rv.verify(receipt, ID, id, digest, fed.now))).isEqualTo("FG-2014");
    // an envelope is not a receipt
    String envelope = new EnvelopeSealer(fed.signing(KH)).seal(fed.envelope(KH, TH).build());
    assertThat(code(() -> rv.verify(envelope, KH, id, digest, fed.now))).isEqualTo("FG-2006");
  }

  @Test
  void multiParty_bothSign_bothAreSigners() {
    byte[] agreement = "{\"agreementId\":\"AGR-TH-KH-001\"}".getBytes(StandardCharsets.UTF_8);
    MultiPartySigner signer = new MultiPartySigner();
    String one = signer.sign(agreement, List.of(fed.signing(TH)));
    String both = signer.addSignature(one, fed.signing(KH));

    VerifiedDocument d = new MultiPartyVerifier(fed.holder).verify(both, Set.of(TH, KH), fed.now);

    assertThat(d.signers()).containsExactlyInAnyOrder(TH, KH);
    assertThat(d.payload()).isEqualTo(agreement);
    assertThat(code(() -> new MultiPartyVerifier(fed.holder).verify(one, Set.of(TH, KH), fed.now)))
        .isEqualTo("FG-2028");
  }

  @Test
  void multiParty_oneSignatureOverOtherPayload_refusesWholeDocument() throws Exception {
    MultiPartySigner signer = new MultiPartySigner();
    String a = signer.sign("{\"v\":1}".getBytes(StandardCharsets.UTF_8), List.of(fed.signing(TH)));
    String b = signer.sign("{\"v\":2}".getBytes(StandardCharsets.UTF_8), List.of(fed.signing(KH)));
    Jws.General ga = Jws.parseGeneral(a);
    Jws.General gb = Jws.parseGeneral(b);
    String mixed =
        "{\"payload\":\""
            + ga.payloadB64()
            + "\",\"signatures\":[{\"protected\":\""
            + ga.signatures().get(0).protectedB64()
            + "\",\"signature\":\""
            + ga.signatures().get(0).signatureB64()
            + "\"},{\"protected\":\""
            + gb.signatures().get(0).protectedB64()
            + "\",\"signature\":\""
            + gb.signatures().get(0).signatureB64()
            + "\"}]}";
    assertThat(code(() -> new MultiPartyVerifier(fed.holder).verify(mixed, fed.now)))
        .isEqualTo("FG-2013");
  }

  @Test
  void multiParty_samePartyTwice_malformed() {
    MultiPartySigner signer = new MultiPartySigner();
    String twice = signer.sign(new byte[] {'{', '}'}, List.of(fed.signing(TH), fed.signing(TH)));
    assertThat(code(() -> new MultiPartyVerifier(fed.holder).verify(twice, fed.now)))
        .isEqualTo("FG-2002");
  }

  @Test
  void checkpointSigner_signs_verifiableWithCertificateOnly() {
    GatewayCheckpointSigner s = new GatewayCheckpointSigner(fed.signing(TH));
    byte[] head = "tree-head".getBytes(StandardCharsets.UTF_8);
    byte[] sig = s.sign(head);
    assertThat(s.algorithm()).isEqualTo("EdDSA");
    assertThat(s.keyId()).isEqualTo(Certificates.thumbprint(fed.signing(TH).certificate()));
    assertThat(GatewayCheckpointSigner.verify(s.certificateDer(), head, sig)).isTrue();
    assertThat(GatewayCheckpointSigner.verify(s.certificateDer(), new byte[] {1}, sig)).isFalse();
    assertThat(CertificateVerifier.of(fed.signing(TH).certificate()).verify(head, sig)).isTrue();
  }

  @Test
  void replayGuard_full_refusesUntilExpiredIdsEvicted() {
    ReplayGuard g = new ReplayGuard(2, Duration.ofMinutes(10));
    g.checkAndRecord(MessageIds.newUuidV7(), fed.now.plusSeconds(60), fed.now);
    g.checkAndRecord(MessageIds.newUuidV7(), fed.now.plusSeconds(60), fed.now);
    assertThat(
            code(() -> g.checkAndRecord(MessageIds.newUuidV7(), fed.now.plusSeconds(60), fed.now)))
        .isEqualTo("FG-2020");
    g.checkAndRecord(
        MessageIds.newUuidV7(), fed.now.plusSeconds(60), fed.now.plus(Duration.ofMinutes(12)));
    assertThat(g.size()).isEqualTo(1);
  }

  @Test
  void replayGuard_forget_letsTheSameIdBeRecordedAgain_andOnlyThatId() {
    ReplayGuard g = new ReplayGuard(10, Duration.ofMinutes(10));
    java.util.UUID retried = MessageIds.newUuidV7();
    java.util.UUID other = MessageIds.newUuidV7();
    g.checkAndRecord(retried, fed.now.plusSeconds(60), fed.now);
    g.checkAndRecord(other, fed.now.plusSeconds(60), fed.now);
    assertThat(code(() -> g.checkAndRecord(retried, fed.now.plusSeconds(60), fed.now)))
        .isEqualTo("FG-2015");
    g.forget(retried);
    g.checkAndRecord(retried, fed.now.plusSeconds(60), fed.now);
    assertThat(code(() -> g.checkAndRecord(other, fed.now.plusSeconds(60), fed.now)))
        .isEqualTo("FG-2015");
  }
}
