package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fedgate.trust.TestFederation.KH;
import static org.fedgate.trust.TestFederation.TH;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTest {

  @TempDir static Path dir;
  static TestFederation fed;
  static SigningIdentity dirSigner;
  static DirectoryDocument doc;

  @BeforeAll
  static void federation() throws Exception {
    fed = TestFederation.create(dir, JwsAlgorithm.ES256);
    dirSigner = SigningIdentity.load(fed.pki.directorySigner(), fed.pki.password());
    doc = Jws.JSON.readValue(fed.pki.directoryJson().toFile(), DirectoryDocument.class);
  }

  private static String code(Executable e) {
    return catchThrowableOfType(FedgateException.class, e::execute).code();
  }

  private static DirectoryDocument version(long v) {
    return new DirectoryDocument(
        doc.schema(), v, doc.issuedAt(), doc.nextUpdate(), doc.members(), doc.revoked());
  }

  @Test
  void load_generatedDirectory_listsMembersAndRevocations() {
    FederationDirectory d = fed.holder.current(fed.now);
    assertThat(d.members()).hasSize(4);
    assertThat(d.member(TH).gatewayUrl()).isEqualTo("https://127.0.0.1:8441");
    assertThat(d.isRevoked(fed.signing(TestFederation.REVOKED).certificate())).isTrue();
    assertThat(d.isRevoked(fed.signing(TH).certificate())).isFalse();
  }

  @Test
  void member_unknownAgency_unknownMember() {
    FederationDirectory d = fed.holder.current(fed.now);
    assertThat(code(() -> d.member(AgencyId.of("VN-C03")))).isEqualTo("FG-2024");
  }

  @Test
  void memberByTlsCertificate_listedAndRevoked() throws Exception {
    FederationDirectory d = fed.holder.current(fed.now);
    var thTls = SigningIdentity.load(fed.pki.tlsKeystore(TH), fed.pki.password()).certificate();
    var revTls =
        SigningIdentity.load(fed.pki.tlsKeystore(TestFederation.REVOKED), fed.pki.password())
            .certificate();
    assertThat(d.memberByTlsCertificate(thTls)).isEqualTo(TH);
    assertThat(code(() -> d.memberByTlsCertificate(revTls))).isEqualTo("FG-2011");
    assertThat(code(() -> d.memberByTlsCertificate(fed.signing(KH).certificate())))
        .isEqualTo("FG-2024");
  }

  @Test
  void update_tamperedPayload_signatureInvalid() throws Exception {
    String jws = Files.readString(fed.pki.directoryJws());
    Jws.Flattened f = Jws.parseFlattened(jws);
    String other = Jws.b64url(Jws.JSON.writeValueAsBytes(version(9)));
    String forged = Jws.flattened(f.protectedB64(), other, f.signatureB64());
    assertThat(code(() -> new DirectoryHolder(fed.pki.federationRoot()).update(forged, fed.now)))
        .isEqualTo("FG-2021");
  }

  @Test
  void update_signedByMemberKey_keyUsageInvalid() {
    String jws =
        Jws.flattened(
            Jws.headerFor(fed.signing(TH), FederationDirectory.TYP),
            "e30",
            Jws.b64url(
                fed.signing(TH)
                    .sign(
                        Jws.signingInput(
                            Jws.headerFor(fed.signing(TH), FederationDirectory.TYP), "e30"))));
    assertThat(code(() -> new DirectoryHolder(fed.pki.federationRoot()).update(jws, fed.now)))
        .isEqualTo("FG-2012");
  }

  @Test
  void update_olderVersion_rollbackRefused() {
    DirectoryHolder h = new DirectoryHolder(fed.pki.federationRoot());
    h.update(DirectorySigner.sign(version(5), dirSigner), fed.now);
    assertThat(code(() -> h.update(DirectorySigner.sign(version(4), dirSigner), fed.now)))
        .isEqualTo("FG-2022");
    assertThat(h.update(DirectorySigner.sign(version(6), dirSigner), fed.now).version())
        .isEqualTo(6);
  }

  @Test
  void update_pastNextUpdatePlusGrace_stale() {
    DirectoryHolder h = new DirectoryHolder(fed.pki.federationRoot(), Duration.ofHours(1));
    String jws = DirectorySigner.sign(version(2), dirSigner);
    assertThat(code(() -> h.update(jws, doc.nextUpdate().plus(Duration.ofHours(2)))))
        .isEqualTo("FG-2023");
    // within the grace it is accepted, then goes stale on read
    h.update(jws, doc.nextUpdate().plus(Duration.ofMinutes(30)));
    assertThat(code(() -> h.current(doc.nextUpdate().plus(Duration.ofHours(2)))))
        .isEqualTo("FG-2023");
  }

  @Test
  void update_otherRoot_untrusted() throws Exception {
    DevCa other = DevCa.createRoot("other", fed.now.minusSeconds(60), fed.now.plusSeconds(3600));
    DirectoryHolder h = new DirectoryHolder(new FederationRoot(other.certificate()));
    String jws = Files.readString(fed.pki.directoryJws());
    assertThat(code(() -> h.update(jws, fed.now))).isEqualTo("FG-2009");
  }

  @Test
  void load_missingFile_unavailable() {
    DirectoryHolder h = new DirectoryHolder(fed.pki.federationRoot());
    assertThat(code(() -> h.load(dir.resolve("nope.jws").toString(), fed.now)))
        .isEqualTo("FG-2026");
    assertThat(code(() -> h.current(fed.now))).isEqualTo("FG-2026");
  }

  @Test
  void signJson_invalidDocument_directoryInvalid() {
    assertThat(code(() -> DirectorySigner.signJson("{\"version\":1}", dirSigner)))
        .isEqualTo("FG-2025");
  }
}
