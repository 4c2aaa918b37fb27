package org.fedgate.trust;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Verifies raw JOSE signatures (ES256 R||S or Ed25519) with one certificate's key, prepared once:
 * for audit checkpoints verified against a pinned gateway certificate.
 */
public final class CertificateVerifier {

  private final JwsAlgorithm algorithm;
  private final JwsAlgorithm.RawVerifier verifier;

  private CertificateVerifier(JwsAlgorithm algorithm, JwsAlgorithm.RawVerifier verifier) {
    this.algorithm = algorithm;
    this.verifier = verifier;
  }

  public static CertificateVerifier of(X509Certificate cert) {
    JwsAlgorithm alg =
        JwsAlgorithm.forKey(cert.getPublicKey())
            .orElseThrow(
                () -> new FedgateException(TrustError.ALGORITHM_NOT_ALLOWED, "certificate key"));
    try {
      return new CertificateVerifier(alg, alg.verifier(Keys.toBc(cert.getPublicKey())));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new FedgateException(TrustError.ALGORITHM_NOT_ALLOWED, "certificate key", e);
    }
  }

  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  public boolean verify(byte[] message, byte[] signature) {
    return verifier.verify(message, signature);
  }
}
