package org.fedgate.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Objects;
import org.fedgate.model.envelope.Envelope;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Signs envelopes as RFC 7515 flattened JWS JSON with the gateway's signing key: protected header
 * {@code alg}, {@code kid}, {@code x5c}, {@code typ}. Thread-safe; the header is built once.
 */
public final class EnvelopeSealer {

  /** The JWS {@code typ} of an envelope. */
  public static final String TYP = "fedgate-envelope+json";

  private final SigningIdentity identity;
  private final String protectedB64;

  public EnvelopeSealer(SigningIdentity identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
    if (identity.agency().isEmpty()) {
      throw new FedgateException(TrustError.KEY_USAGE_INVALID, "key names no agency");
    }
    this.protectedB64 = Jws.headerFor(identity, TYP);
  }

  /** A sealed envelope with the base64url SHA-256 of its payload octets (for the receipt). */
  public record Sealed(String jws, String payloadSha256) {}

  /** Signs the envelope; its {@code from} must be this gateway's agency. */
  public String seal(Envelope envelope) {
    return sealWithDigest(envelope).jws();
  }

  /**
   * Signs the envelope and digests the payload octets it signed, without parsing the JWS back
   * ({@link #payloadSha256(String)} gives the same digest from the JWS).
   */
  public Sealed sealWithDigest(Envelope envelope) {
    if (!identity.agency().get().equals(envelope.from())) {
      throw new FedgateException(TrustError.SENDER_NOT_SIGNER, "from is not the key's agency");
    }
    byte[] payload;
    try {
      payload = Jws.JSON.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new FedgateException(TrustError.SIGNING_FAILED, "envelope not serialisable");
    }
    String payloadB64 = Jws.b64url(payload);
    byte[] sig = identity.sign(Jws.signingInput(protectedB64, payloadB64));
    return new Sealed(
        Jws.flattened(protectedB64, payloadB64, Jws.b64url(sig)),
        Certificates.sha256Base64Url(payload));
  }

  public SigningIdentity identity() {
    return identity;
  }

  /**
   * The base64url SHA-256 of a sealed JWS's payload octets: what the receiver's receipt must carry.
   * Throws {@link TrustError#MALFORMED_JWS}/{@link TrustError#NOT_JSON} on bad input.
   */
  public static String payloadSha256(String jws) {
    Jws.Flattened f = Jws.parseFlattened(jws);
    return Certificates.sha256Base64Url(Jws.b64url(f.payloadB64(), "payload"));
  }
}
