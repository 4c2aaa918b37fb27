package org.fedgate.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Objects;
import org.fedgate.model.envelope.Receipt;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/** Signs receipts (flattened JWS, typ {@value #TYP}) with the receiving gateway's key. */
public final class ReceiptSigner {

  /** The JWS {@code typ} of a receipt. */
  public static final String TYP = "fedgate-receipt+json";

  private final SigningIdentity identity;
  private final String protectedB64;

  public ReceiptSigner(SigningIdentity identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.protectedB64 = Jws.headerFor(identity, TYP);
  }

  public String sign(Receipt receipt) {
    if (identity.agency().isEmpty() || !identity.agency().get().equals(receipt.from())) {
      throw new FedgateException(
          TrustError.SENDER_NOT_SIGNER, "receipt from is not the key's agency");
    }
    byte[] payload;
    try {
      payload = Jws.JSON.writeValueAsBytes(receipt);
    } catch (JsonProcessingException e) {
      throw new FedgateException(TrustError.SIGNING_FAILED, "receipt not serialisable");
    }
    String payloadB64 = Jws.b64url(payload);
    return Jws.flattened(
        protectedB64,
        payloadB64,
        Jws.b64url(identity.sign(Jws.signingInput(protectedB64, payloadB64))));
  }

  /** Signs an ACCEPTED receipt for a verified envelope. */
  public String accept(VerifiedEnvelope v, Instant receivedAt) {
    return sign(
        Receipt.accepted(
            v.envelope().messageId(),
            v.envelope().to(),
            v.envelope().from(),
            v.payloadSha256(),
            receivedAt));
  }
}
