package org.fedgate.trust;

import java.util.Objects;
import org.fedgate.model.spi.CheckpointSigner;

/** {@link CheckpointSigner} backed by the gateway signing key (Bouncy Castle, key loaded once). */
public final class GatewayCheckpointSigner implements CheckpointSigner {

  private final SigningIdentity identity;
  private final byte[] certDer;

  public GatewayCheckpointSigner(SigningIdentity identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.certDer = Certificates.der(identity.certificate());
  }

  @Override
  public String algorithm() {
    return identity.algorithm().joseName();
  }

  @Override
  public String keyId() {
    return identity.keyId();
  }

  @Override
  public byte[] certificateDer() {
    return certDer.clone();
  }

  @Override
  public byte[] sign(byte[] message) {
    return identity.sign(message);
  }

  /**
   * Verifies a checkpoint signature with only a certificate (for offline verifiers and tests).
   * Accepts ES256 (raw R||S) and EdDSA.
   */
  public static boolean verify(byte[] certificateDer, byte[] message, byte[] signature) {
    try {
      var cert = Certificates.fromDer(certificateDer);
      var alg = JwsAlgorithm.forKey(cert.getPublicKey());
      return alg.isPresent()
          && alg.get().verify(Keys.toBc(cert.getPublicKey()), message, signature);
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "GatewayCheckpointSigner[kid=" + keyId() + "]";
  }
}
