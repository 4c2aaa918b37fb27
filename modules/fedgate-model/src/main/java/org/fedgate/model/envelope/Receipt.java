package org.fedgate.model.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fedgate.model.AgencyId;

/**
 * The receiver's signed acknowledgement of one envelope: the message id, the SHA-256 (base64url,
 * unpadded) of the received JWS payload octets, when it was received, and the outcome with the
 * {@code FG-xxxx} code when rejected.
 *
 * @param from the receiving agency that signs the receipt
 * @param to the agency that sent the envelope
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(
    UUID messageId,
    AgencyId from,
    AgencyId to,
    String payloadSha256,
    Instant receivedAt,
    ReceiptOutcome outcome,
    String errorCode) {

  private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern CODE = Pattern.compile("FG-[0-9]{4}");

  public Receipt {
    if (messageId == null
        || from == null
        || to == null
        || payloadSha256 == null
        || receivedAt == null
        || outcome == null) {
      throw new IllegalArgumentException(
          "messageId, from, to, payloadSha256, receivedAt and outcome are required");
    }
    if (!DIGEST.matcher(payloadSha256).matches()) {
      throw new IllegalArgumentException("payloadSha256 must be an unpadded base64url SHA-256");
    }
    if (outcome == ReceiptOutcome.REJECTED
        ? errorCode == null || !CODE.matcher(errorCode).matches()
        : errorCode != null) {
      throw new IllegalArgumentException("errorCode is required exactly when REJECTED");
    }
  }

  /** An ACCEPTED receipt. */
  public static Receipt accepted(
      UUID messageId, AgencyId from, AgencyId to, String payloadSha256, Instant receivedAt) {
    return new Receipt(
        messageId, from, to, payloadSha256, receivedAt, ReceiptOutcome.ACCEPTED, null);
  }

  /** A REJECTED receipt carrying the failure code. */
  public static Receipt rejected(
      UUID messageId,
      AgencyId from,
      AgencyId to,
      String payloadSha256,
      Instant receivedAt,
      String errorCode) {
    return new Receipt(
        messageId, from, to, payloadSha256, receivedAt, ReceiptOutcome.REJECTED, errorCode);
  }
}
