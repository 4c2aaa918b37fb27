package org.fedgate.gateway.module;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;
import org.fedgate.gateway.port.OfficerTokens;
import org.fedgate.trust.OfficerClaims;

/** {@link OfficerTokens} on the trust module's JWT verifier (Nimbus, inside fedgate-trust). */
public final class TrustOfficerTokens implements OfficerTokens {

  private final org.fedgate.trust.OfficerTokens.Verifier verifier;
  private final Clock clock;

  public TrustOfficerTokens(X509Certificate identityProvider, Clock clock) {
    this.verifier = org.fedgate.trust.OfficerTokens.verifier(identityProvider);
    this.clock = clock;
  }

  @Override
  public Officer verify(String bearerToken) {
    OfficerClaims c = verifier.verify(bearerToken, clock.instant());
    return new Officer(c.agency().value(), c.subject(), Set.of(Role.valueOf(c.role().name())));
  }
}
