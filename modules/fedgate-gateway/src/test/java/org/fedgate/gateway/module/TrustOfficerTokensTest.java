package org.fedgate.gateway.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fedgate.gateway.port.OfficerTokens.Officer;
import org.fedgate.gateway.port.OfficerTokens.Role;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.OfficerRole;
import org.fedgate.trust.OfficerTokens;
import org.fedgate.trust.SigningIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustOfficerTokensTest {

  static final AgencyId TH = AgencyId.of("TH-CCIB");
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @TempDir static Path dir;
  static SigningIdentity idp;

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void pki() throws Exception {
    DevPki.Result pki = DevPki.generate(dir);
    idp = SigningIdentity.load(pki.idpKeystore(TH), pki.password());
  }

  @Test
  void verify_sameTokenAgain_givesTheSameOfficer() {
    MovingClock clock = new MovingClock();
    TrustOfficerTokens tokens = new TrustOfficerTokens(idp.certificate(), clock);
    String token =
        OfficerTokens.issuer(idp)
            .issue("officer-042", OfficerRole.OFFICER, Duration.ofHours(1), T0);
    Officer first = tokens.verify(token);
    clock.now = T0.plusSeconds(30);
    Officer again = tokens.verify(token);
    assertThat(again).isEqualTo(first);
    assertThat(again.subject()).isEqualTo("officer-042");
    assertThat(again.roles()).containsExactly(Role.OFFICER);
  }

  @Test
  void verify_rememberedTokenAfterItsExpiry_isRefusedAsExpired() {
    MovingClock clock = new MovingClock();
    TrustOfficerTokens tokens = new TrustOfficerTokens(idp.certificate(), clock);
    String token =
        OfficerTokens.issuer(idp)
            .issue("officer-043", OfficerRole.OFFICER, Duration.ofMinutes(2), T0);
    tokens.verify(token);
    // past exp and the verifier's 60 s leeway: the remembered result must not outlive the token
    clock.now = T0.plus(Duration.ofMinutes(4));
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-2033"));
  }

  @Test
  void verify_tamperedCopyOfARememberedToken_isVerifiedAndRefused() {
    MovingClock clock = new MovingClock();
    TrustOfficerTokens tokens = new TrustOfficerTokens(idp.certificate(), clock);
    String token =
        OfficerTokens.issuer(idp)
            .issue("officer-044", OfficerRole.OFFICER, Duration.ofHours(1), T0);
    tokens.verify(token);
    int dot = token.lastIndexOf('.');
    char c = token.charAt(dot + 5);
    String tampered =
        token.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 6);
    assertThatThrownBy(() -> tokens.verify(tampered))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-2032"));
  }
}
