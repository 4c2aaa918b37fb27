package org.fedgate.trust;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Key conversions into Bouncy Castle key objects, done once so that signing stays fast. */
final class Keys {

  private Keys() {}

  static boolean isP256(PublicKey key) {
    return key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
  }

  /** The Bouncy Castle form of a private key (EC or Ed25519), converted once at load time. */
  static PrivateKey toBc(PrivateKey key) throws GeneralSecurityException {
    String alg =
        familyOf(
            PrivateKeyInfo.getInstance(key.getEncoded())
                .getPrivateKeyAlgorithm()
                .getAlgorithm()
                .getId());
    return KeyFactory.getInstance(alg, Bc.PROVIDER)
        .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
  }

  /** The Bouncy Castle form of a public key (EC or Ed25519). */
  static PublicKey toBc(PublicKey key) throws GeneralSecurityException {
    String alg =
        familyOf(
            SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getAlgorithm()
                .getAlgorithm()
                .getId());
    return KeyFactory.getInstance(alg, Bc.PROVIDER)
        .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
  }

  private static String familyOf(String oid) throws GeneralSecurityException {
    return switch (oid) {
      case "1.2.840.10045.2.1" -> "EC";
      case "1.3.101.112" -> "Ed25519";
      default -> throw new GeneralSecurityException("unsupported key algorithm " + oid);
    };
  }
}
