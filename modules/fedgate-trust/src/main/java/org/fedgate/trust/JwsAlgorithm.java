package org.fedgate.trust;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

/**
 * The only two JWS algorithms fedgate accepts: {@code ES256} (ECDSA P-256, SHA-256, raw R||S
 * signature) and {@code EdDSA} (Ed25519). Everything else, {@code none} and HMAC included, is
 * refused before any key is touched.
 */
public enum JwsAlgorithm {
  ES256("ES256", "SHA256withPLAIN-ECDSA"),
  EDDSA("EdDSA", "Ed25519");

  private final String joseName;
  private final String jcaName;

  JwsAlgorithm(String joseName, String jcaName) {
    this.joseName = joseName;
    this.jcaName = jcaName;
  }

  /** The JOSE {@code alg} value. */
  public String joseName() {
    return joseName;
  }

  /** Looks up an accepted algorithm by its JOSE name (case-sensitive, as RFC 7515 requires). */
  public static Optional<JwsAlgorithm> fromJose(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.joseName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The algorithm that fits a public key, if any. */
  public static Optional<JwsAlgorithm> forKey(PublicKey key) {
    String alg = key.getAlgorithm();
    if ("EC".equals(alg) || "ECDSA".equals(alg)) {
      return Keys.isP256(key) ? Optional.of(ES256) : Optional.empty();
    }
    if ("Ed25519".equals(alg) || "EdDSA".equals(alg)) {
      return Optional.of(EDDSA);
    }
    return Optional.empty();
  }

  byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
    Signature s = Signature.getInstance(jcaName, Bc.PROVIDER);
    s.initSign(key);
    s.update(input);
    return s.sign();
  }

  boolean verify(PublicKey key, byte[] input, byte[] signature) {
    if (this == ES256 && signature.length != 64) {
      return false; // JWS ES256 signatures are exactly R||S, 32 bytes each
    }
    if (this == EDDSA && signature.length != 64) {
      return false;
    }
    try {
      Signature s = Signature.getInstance(jcaName, Bc.PROVIDER);
      s.initVerify(key);
      s.update(input);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
