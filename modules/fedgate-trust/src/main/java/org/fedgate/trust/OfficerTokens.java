package org.fedgate.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Officer bearer tokens (JWT, ES256, typ {@value #TYP}) signed by an agency's identity-provider
 * key: claims {@code iss}, {@code sub}, {@code agency}, {@code role}, {@code iat}, {@code exp},
 * {@code jti}. Verification refuses any other algorithm, an unknown issuer or agency, a missing or
 * unknown role, and expired tokens (60 s leeway); each failure an {@code FG-203x} code.
 */
public final class OfficerTokens {

  /** RFC 9068 access-token type. */
  public static final String TYP = "at+jwt";

  /** Longest token lifetime issued or accepted. */
  public static final Duration MAX_TTL = Duration.ofHours(12);

  private static final Duration LEEWAY = Duration.ofSeconds(60);
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Set<String> CLAIMS =
      Set.of("iss", "sub", "agency", "role", "iat", "exp", "jti");

  private OfficerTokens() {}

  public static Issuer issuer(SigningIdentity idp) {
    return new Issuer(idp);
  }

  public static Verifier verifier(X509Certificate idpCertificate) {
    return new Verifier(idpCertificate);
  }

  /** Issues tokens for one agency. Thread-safe. */
  public static final class Issuer {
    private final ECDSASigner signer;
    private final AgencyId agency;
    private final String keyId;

    private Issuer(SigningIdentity idp) {
      if (idp.algorithm() != JwsAlgorithm.ES256) {
        throw new FedgateException(
            TrustError.KEYSTORE_INVALID, "identity provider key must be P-256");
      }
      this.agency =
          Certificates.idpAgencyOf(idp.certificate())
              .orElseThrow(
                  () ->
                      new FedgateException(
                          TrustError.KEY_USAGE_INVALID, "not an identity provider"));
      this.keyId = idp.keyId();
      try {
        this.signer = new ECDSASigner((ECPrivateKey) idp.privateKey());
      } catch (JOSEException | ClassCastException e) {
        throw new FedgateException(TrustError.KEYSTORE_INVALID, "identity provider key", e);
      }
      signer.getJCAContext().setProvider(Bc.PROVIDER);
    }

    public String issue(String subject, OfficerRole role, Duration ttl, Instant now) {
      if (subject == null || !SUBJECT.matcher(subject).matches()) {
        throw new FedgateException(
            TrustError.TOKEN_CLAIMS_INVALID, "subject must be an officer id");
      }
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
        throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "ttl must be up to 12 hours");
      }
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(Certificates.IDP_URI_PREFIX + agency)
              .subject(subject)
              .claim("agency", agency.value())
              .claim("role", role.name())
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(ttl)))
              .jwtID(UUID.randomUUID().toString())
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(new JOSEObjectType(TYP))
                  .keyID(keyId)
                  .build(),
              claims);
      try {
        jwt.sign(signer);
      } catch (JOSEException e) {
        throw new FedgateException(TrustError.SIGNING_FAILED, "officer token", e);
      }
      return jwt.serialize();
    }
  }

  /** Verifies tokens of one agency's identity provider. Thread-safe. */
  public static final class Verifier {
    private final ECDSAVerifier verifier;
    private final AgencyId agency;

    private Verifier(X509Certificate idpCert) {
      this.agency =
          Certificates.idpAgencyOf(idpCert)
              .orElseThrow(
                  () ->
                      new FedgateException(
                          TrustError.KEY_USAGE_INVALID, "not an identity provider"));
      try {
        this.verifier = new ECDSAVerifier((ECPublicKey) Keys.toBc(idpCert.getPublicKey()));
      } catch (JOSEException | GeneralSecurityException | ClassCastException e) {
        throw new FedgateException(
            TrustError.KEY_USAGE_INVALID, "identity provider key must be P-256");
      }
      verifier.getJCAContext().setProvider(Bc.PROVIDER);
    }

    public AgencyId agency() {
      return agency;
    }

    public OfficerClaims verify(String token, Instant now) {
      if (token == null || token.length() > 8192) {
        throw new FedgateException(TrustError.TOKEN_MALFORMED, "missing or too long");
      }
      SignedJWT jwt;
      try {
        jwt = SignedJWT.parse(token);
      } catch (ParseException e) {
        throw new FedgateException(TrustError.TOKEN_MALFORMED, "not a signed JWT");
      }
      JWSHeader h = jwt.getHeader();
      if (!JWSAlgorithm.ES256.equals(h.getAlgorithm())) {
        throw new FedgateException(TrustError.TOKEN_SIGNATURE_INVALID, "algorithm not ES256");
      }
      if (h.getType() == null || !TYP.equals(h.getType().getType())) {
        throw new FedgateException(TrustError.TOKEN_MALFORMED, "typ must be " + TYP);
      }
      if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
        throw new FedgateException(TrustError.TOKEN_MALFORMED, "crit not supported");
      }
      try {
        if (!jwt.verify(verifier)) {
          throw new FedgateException(TrustError.TOKEN_SIGNATURE_INVALID, "signature");
        }
      } catch (JOSEException e) {
        throw new FedgateException(TrustError.TOKEN_SIGNATURE_INVALID, "signature");
      }
      JWTClaimsSet c;
      try {
        c = jwt.getJWTClaimsSet();
      } catch (ParseException e) {
        throw new FedgateException(TrustError.TOKEN_MALFORMED, "claims");
      }
      Map<String, Object> all = c.getClaims();
      for (String name : all.keySet()) {
        if (!CLAIMS.contains(name)) {
          throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "unexpected claim");
        }
      }
      Date exp = c.getExpirationTime();
      Date iat = c.getIssueTime();
      if (exp == null || iat == null) {
        throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "exp and iat required");
      }
      if (exp.toInstant().plus(LEEWAY).isBefore(now)) {
        throw new FedgateException(TrustError.TOKEN_EXPIRED, "expired");
      }
      if (iat.toInstant().isAfter(now.plus(LEEWAY))
          || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_TTL) > 0) {
        throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "iat or lifetime");
      }
      String iss = c.getIssuer();
      Object agencyClaim = all.get("agency");
      if (!(Certificates.IDP_URI_PREFIX + agency).equals(iss)
          || !agency.value().equals(agencyClaim)) {
        throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "issuer or agency");
      }
      String sub = c.getSubject();
      if (sub == null || !SUBJECT.matcher(sub).matches()) {
        throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "sub");
      }
      OfficerRole role;
      try {
        role = OfficerRole.valueOf(String.valueOf(all.get("role")));
      } catch (IllegalArgumentException e) {
        throw new FedgateException(TrustError.TOKEN_CLAIMS_INVALID, "role");
      }
      return new OfficerClaims(sub, agency, role, exp.toInstant(), c.getJWTID());
    }
  }
}
