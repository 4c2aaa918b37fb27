package org.fedgate.gateway.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.fedgate.model.AgencyId;

/** Signed envelopes, receipts and the federation directory (fedgate-trust). */
public interface EnvelopeTrust {

  /** Signs an envelope; the record must already be minimised. */
  Sealed seal(EnvelopeHeader header, JsonNode record);

  /**
   * Verifies an envelope: signature, chain to the federation root, validity, revocation, signer
   * equals sender, expiry. Does not consult the replay store (see {@link #markSeen}).
   */
  Opened open(String jws);

  /**
   * Records the message id as seen; throws the trust module's replay code when it was seen before
   * or lies outside the accepted time window.
   */
  void markSeen(Opened envelope);

  /**
   * Forgets the message id again: its processing failed for a passing reason after {@link
   * #markSeen}, and the sender's retry must not look like a replay.
   */
  void forgetSeen(Opened envelope);

  /**
   * Signs a receipt for a received envelope from {@code sender}; {@code rejectCode} is null when it
   * was accepted.
   */
  String signReceipt(
      String messageId,
      AgencyId sender,
      String payloadSha256,
      Instant receivedAt,
      String rejectCode);

  /**
   * Verifies a partner's receipt: signed by {@code expectedSigner}, for this message id and over
   * exactly this payload digest; throws a trust failure otherwise.
   */
  Receipt verifyReceipt(
      String receiptJws,
      AgencyId expectedSigner,
      String expectedMessageId,
      String expectedPayloadSha256);

  /** The member whose TLS certificate this is, if any (current directory, not revoked). */
  Optional<AgencyId> memberOfTlsCertificate(X509Certificate certificate);

  /** The federation API base URL of a member, from the directory. */
  URI gatewayUrl(AgencyId member);

  /** The members of the federation, from the directory. */
  Set<AgencyId> members();

  /** When the directory in use stops being acceptable (nextUpdate plus grace). */
  Instant directoryValidUntil();

  /**
   * A sealed envelope: its message id, the JWS (JSON serialization) and the payload digest (SHA-256
   * of the JWS payload octets, lowercase hex, as the audit trail records it).
   */
  record Sealed(String messageId, String jws, String payloadSha256) {
    /** The id only: the envelope carries the record. */
    @Override
    public String toString() {
      return "Sealed[messageId=" + messageId + "]";
    }
  }

  /** A verified envelope: the header fields, the record and the payload digest. */
  record Opened(EnvelopeHeader header, JsonNode record, String payloadSha256) {
    /** The id only: the record stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Opened[messageId=" + (header == null ? null : header.messageId()) + "]";
    }
  }

  /** A verified receipt. {@code rejectCode} is null when the envelope was accepted. */
  record Receipt(String messageId, String payloadSha256, Instant receivedAt, String rejectCode) {
    public boolean accepted() {
      return rejectCode == null;
    }
  }
}
