package org.fedgate.model.spi;

/**
 * Signs audit-log checkpoints with the gateway's signing key. The audit module calls it; the trust
 * module implements it with Bouncy Castle.
 *
 * <p>Signatures use JOSE conventions so that anyone can verify them with only the gateway's
 * certificate: {@code ES256} is ECDSA P-256 with SHA-256 in the raw R||S (IEEE P1363) form, {@code
 * EdDSA} is Ed25519.
 */
public interface CheckpointSigner {

  /** The JOSE algorithm name: {@code ES256} or {@code EdDSA}. */
  String algorithm();

  /** An identifier of the key, such as the base64url SHA-256 thumbprint of its certificate. */
  String keyId();

  /** The DER encoding of the signing certificate, so that verifiers can pin it. */
  byte[] certificateDer();

  /** Signs the message bytes. */
  byte[] sign(byte[] message);
}
