package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fedgate.trust.TestFederation.KH;
import static org.fedgate.trust.TestFederation.TH;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class OfficerTokensTest {

  @TempDir static Path dir;
  static TestFederation fed;
  static OfficerTokens.Issuer issuer;
  static OfficerTokens.Verifier verifier;

  @BeforeAll
  static void federation() throws Exception {
    fed = TestFederation.create(dir, JwsAlgorithm.ES256);
    SigningIdentity idp = SigningIdentity.load(fed.pki.idpKeystore(TH), fed.pki.password());
    issuer = OfficerTokens.issuer(idp);
    verifier = OfficerTokens.verifier(idp.certificate());
  }

  private static String code(Executable e) {
    return catchThrowableOfType(FedgateException.class, e::execute).code();
  }

  @Test
  void verify_issuedToken_returnsClaims() {
    String t = issuer.issue("officer-0042", OfficerRole.REVIEWER, Duration.ofHours(1), fed.now);
    OfficerClaims c = verifier.verify(t, fed.now.plusSeconds(10));
    assertThat(c.subject()).isEqualTo("officer-0042");
    assertThat(c.agency()).isEqualTo(TH);
    assertThat(c.role()).isEqualTo(OfficerRole.REVIEWER);
  }

  @Test
  void verify_expired_tokenExpired() {
    String t = issuer.issue("officer-0042", OfficerRole.OFFICER, Duration.ofMinutes(5), fed.now);
    assertThat(code(() -> verifier.verify(t, fed.now.plus(Duration.ofMinutes(10)))))
        .isEqualTo("FG-2033");
  }

  @Test
  void verify_otherAgencyIdp_signatureInvalid() {
    SigningIdentity khIdp = SigningIdentity.load(fed.pki.idpKeystore(KH), fed.pki.password());
    String t =
        OfficerTokens.issuer(khIdp)
            .issue("officer-1", OfficerRole.ADMIN, Duration.ofHours(1), fed.now);
    assertThat(code(() -> verifier.verify(t, fed.now))).isEqualTo("FG-2032");
  }

  @Test
  void verify_algNoneOrGarbage_refused() {
    String t = issuer.issue("officer-0042", OfficerRole.OFFICER, Duration.ofHours(1), fed.now);
    String[] parts = t.split("\\.");
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertThat(code(() -> verifier.verify(none, fed.now))).isIn("FG-2031", "FG-2032");
    assertThat(code(() -> verifier.verify("not-a-token", fed.now))).isEqualTo("FG-2031");
  }

  @Test
  void verify_tamperedRole_signatureInvalid() {
    String t = issuer.issue("officer-0042", OfficerRole.OFFICER, Duration.ofHours(1), fed.now);
    String[] parts = t.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replace("OFFICER", "ADMIN").getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(code(() -> verifier.verify(forged, fed.now))).isEqualTo("FG-2032");
  }

  @Test
  void issue_subjectWithSpaces_claimsInvalid() {
    assertThat(
            code(
                () ->
                    issuer.issue("Test Person", OfficerRole.OFFICER, Duration.ofHours(1), fed.now)))
        .isEqualTo("FG-2034");
  }
}
