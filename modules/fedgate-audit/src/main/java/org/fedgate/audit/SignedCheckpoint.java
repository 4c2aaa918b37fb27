package org.fedgate.audit;

import java.util.Base64;
import java.util.Objects;

/**
 * A checkpoint with its signature: JOSE algorithm ({@code ES256} raw R||S or {@code EdDSA}), key id
 * and the signature in base64url without padding.
 */
public record SignedCheckpoint(
    Checkpoint checkpoint, String algorithm, String keyId, String signature) {

  public SignedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (!"ES256".equals(algorithm) && !"EdDSA".equals(algorithm)) {
      throw new IllegalArgumentException("algorithm must be ES256 or EdDSA");
    }
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(signature, "signature");
  }

  /** The raw signature bytes. */
  public byte[] signatureBytes() {
    return Base64.getUrlDecoder().decode(signature);
  }

  static String encode(byte[] signature) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }
}
