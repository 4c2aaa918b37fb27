package org.fedgate.gateway.module;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fedgate.gateway.port.OfficerTokens;
import org.fedgate.trust.OfficerClaims;

/**
 * {@link OfficerTokens} on the trust module's JWT verifier (Nimbus, inside fedgate-trust).
 *
 * <p>A token that verified is remembered (by its SHA-256, never the token itself) until its own
 * expiry or five minutes, whichever is sooner, so that an officer's client sending the same token
 * with every call costs one ES256 verification, not one per call. Only exact byte-for-byte repeats
 * hit the cache; any other token, and every token that failed, is verified in full.
 */
public final class TrustOfficerTokens implements OfficerTokens {

  static final int MAX_CACHED = 10_000;
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private record Verified(Officer officer, Instant until) {}

  private final org.fedgate.trust.OfficerTokens.Verifier verifier;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public TrustOfficerTokens(X509Certificate identityProvider, Clock clock) {
    this.verifier = org.fedgate.trust.OfficerTokens.verifier(identityProvider);
    this.clock = clock;
  }

  @Override
  public Officer verify(String bearerToken) {
    Instant now = clock.instant();
    String key = bearerToken == null ? null : digest(bearerToken);
    Verified hit = key == null ? null : verified.get(key);
    if (hit != null && now.isBefore(hit.until())) {
      return hit.officer();
    }
    OfficerClaims c = verifier.verify(bearerToken, now);
    Officer officer =
        new Officer(c.agency().value(), c.subject(), Set.of(Role.valueOf(c.role().name())));
    if (verified.size() >= MAX_CACHED) {
      verified.clear(); // crude but bounded; a full cache only costs re-verification
    }
    Instant until = now.plus(MAX_AGE);
    verified.put(key, new Verified(officer, c.expiresAt().isBefore(until) ? c.expiresAt() : until));
    return officer;
  }

  private static String digest(String token) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
