package org.fedgate.gateway.route;

/**
 * The names of every Camel header the gateway's routes read or write, in one place (Camel's {@code
 * XxxConstants} convention). Header values are ids, codes and typed objects; none is ever logged as
 * a whole.
 */
public final class GatewayHeaders {

  /** Message id of the envelope in flight (UUIDv7 string). */
  public static final String MESSAGE_ID = "FedgateMessageId";

  /** Conversation id (a record request and its response share it). */
  public static final String CONVERSATION_ID = "FedgateConversationId";

  /** {@link org.fedgate.model.MessageType} of the envelope. */
  public static final String MESSAGE_TYPE = "FedgateMessageType";

  /** The partner agency (recipient outbound, sender inbound), as an {@code AgencyId}. */
  public static final String PARTNER = "FedgatePartner";

  /** The partners a notification goes to ({@code List<AgencyId>}). */
  public static final String PARTNERS = "FedgatePartners";

  /** {@link org.fedgate.model.Purpose} of the exchange. */
  public static final String PURPOSE = "FedgatePurpose";

  /** Legal basis text reference (a statute or treaty article, not personal data). */
  public static final String LEGAL_BASIS = "FedgateLegalBasis";

  /** Justification reference (a case file number, not personal data). */
  public static final String JUSTIFICATION = "FedgateJustification";

  /** Officer id of the acting officer, or {@code backend} for the national system. */
  public static final String OFFICER = "FedgateOfficer";

  /** Role of the acting officer. */
  public static final String ROLE = "FedgateRole";

  /** The national profile version and mapping version used, for audit entries. */
  public static final String PROFILE_VERSION = "FedgateProfileVersion";

  /** The mapping version used, for audit entries. */
  public static final String MAPPING_VERSION = "FedgateMappingVersion";

  /** The canonical record ({@code JsonNode}) before minimisation. */
  public static final String CANONICAL = "FedgateCanonical";

  /** The minimisation result for the current partner. */
  public static final String MINIMISED = "FedgateMinimised";

  /** The sealed envelope for the current partner. */
  public static final String SEALED = "FedgateSealed";

  /** The verified inbound envelope. */
  public static final String OPENED = "FedgateOpened";

  /** Set once this attempt recorded the envelope's message id with the replay guard. */
  public static final String MARKED_SEEN = "FedgateMarkedSeen";

  /** The outbox row being delivered. */
  public static final String OUTBOX_ENTRY = "FedgateOutboxEntry";

  /** The inbound row being delivered to the back end. */
  public static final String INBOUND_ENTRY = "FedgateInboundEntry";

  /** The partner's receipt JWS (outbound) or our signed receipt (inbound). */
  public static final String RECEIPT = "FedgateReceipt";

  /** The agency id proven by the TLS client certificate of an inbound federation call. */
  public static final String TLS_PEER = "FedgateTlsPeer";

  /** The {@code FG-xxxx} code of a failure. */
  public static final String ERROR_CODE = "FedgateErrorCode";

  /** The record request id (equal to its conversation id). */
  public static final String REQUEST_ID = "FedgateRequestId";

  /** Envelope expiry ({@code Instant}); redelivery never goes past it. */
  public static final String EXPIRES_AT = "FedgateExpiresAt";

  /**
   * A row handed to a delivery route right after its commit (an outbox or inbound row), so that the
   * first attempt need not read it back; absent for rows found by a poll and on redelivery.
   */
  public static final String PRELOADED_ROW = "FedgatePreloadedRow";

  /**
   * The agency caller's {@code Idempotency-Key} (opaque, never logged), with {@link
   * #REQUEST_SHA256}: the outbox row is then written with its {@code Submissions} row.
   */
  public static final String IDEMPOTENCY_KEY = "FedgateIdempotencyKey";

  /** The digest of the agency caller's request that carries {@link #IDEMPOTENCY_KEY}. */
  public static final String REQUEST_SHA256 = "FedgateRequestSha256";

  /** The message ids created by a push, returned to the caller ({@code List<String>}). */
  public static final String CREATED_MESSAGES = "FedgateCreatedMessages";

  private GatewayHeaders() {}
}
