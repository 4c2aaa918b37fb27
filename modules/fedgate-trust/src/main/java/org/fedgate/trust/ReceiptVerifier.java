package org.fedgate.trust;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.fedgate.model.AgencyId;
import org.fedgate.model.envelope.Receipt;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Verifies a receipt exactly like an envelope (same chain, key and signature checks), then that it
 * was signed by the agency the envelope went to and covers that message and payload digest.
 */
public final class ReceiptVerifier {

  private final DirectoryHolder directory;
  private final SignatureChecker checker;

  public ReceiptVerifier(DirectoryHolder directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.checker = new SignatureChecker(directory.root(), ReceiptSigner.TYP);
  }

  /**
   * @param expectedReceiver the agency the envelope was sent to
   * @param expectedMessageId the envelope's message id
   * @param expectedPayloadSha256 {@link EnvelopeSealer#payloadSha256} of the sent envelope
   */
  public Receipt verify(
      String jws,
      AgencyId expectedReceiver,
      UUID expectedMessageId,
      String expectedPayloadSha256,
      Instant now) {
    Jws.Flattened f = Jws.parseFlattened(jws);
    Jws.Header h = checker.header(f.protectedB64());
    SignatureChecker.Signer signer =
        checker.verify(
            h, f.protectedB64(), f.payloadB64(), f.signatureB64(), directory.current(now), now);
    Receipt r;
    try {
      JsonNode node = Jws.JSON.readTree(Jws.b64url(f.payloadB64(), "payload"));
      if (node == null || !node.isObject()) {
        throw new FedgateException(TrustError.PAYLOAD_INVALID, "receipt is not an object");
      }
      r = Jws.JSON.treeToValue(node, Receipt.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new FedgateException(TrustError.PAYLOAD_INVALID, EnvelopeVerifier.pathOf(e));
    }
    if (!signer.agency().equals(r.from()) || !r.from().equals(expectedReceiver)) {
      throw new FedgateException(
          TrustError.SENDER_NOT_SIGNER, "receipt signed by " + signer.agency());
    }
    if (!r.messageId().equals(expectedMessageId)
        || !r.payloadSha256().equals(expectedPayloadSha256)) {
      throw new FedgateException(TrustError.RECEIPT_MISMATCH, "message " + expectedMessageId);
    }
    return r;
  }
}
