package org.fedgate.trust;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.fedgate.model.AgencyId;
import org.fedgate.model.envelope.Envelope;

/**
 * An envelope whose signature, certificate, sender, time window and replay status were verified.
 *
 * @param payloadSha256 base64url SHA-256 of the received JWS payload octets (for the receipt)
 * @param signerKeyId the kid of the certificate that signed it
 */
public record VerifiedEnvelope(
    Envelope envelope,
    AgencyId signer,
    String signerKeyId,
    X509Certificate signerCertificate,
    String payloadSha256) {

  public VerifiedEnvelope {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(signer, "signer");
  }

  @Override
  public String toString() {
    return "VerifiedEnvelope[" + envelope + ", signer=" + signer + "]";
  }
}
