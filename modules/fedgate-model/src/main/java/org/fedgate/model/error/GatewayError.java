package org.fedgate.model.error;

/** Failures of the gateway runtime and its APIs (FG-5xxx). Titles never hold input values. */
public enum GatewayError implements ErrorCode {
  /** The configuration file is missing, unreadable or has an invalid or unknown key. */
  CONFIG_INVALID("FG-5001", 500, "Invalid gateway configuration"),
  /** The request body is not what the endpoint accepts (malformed JSON, wrong field types). */
  REQUEST_INVALID("FG-5002", 400, "Invalid request"),
  /** No bearer token, or a token that does not verify. */
  UNAUTHENTICATED("FG-5003", 401, "Authentication required"),
  /** The authenticated officer's role does not allow this operation. */
  FORBIDDEN("FG-5004", 403, "Operation not allowed for this role"),
  /** Purpose, legal basis or justification is missing. */
  JUSTIFICATION_MISSING("FG-5005", 400, "Purpose, legal basis and justification are required"),
  /** The named partner is not a federation member this gateway exchanges with. */
  UNKNOWN_PARTNER("FG-5006", 422, "Unknown partner agency"),
  /** The TLS client certificate is not a federation member's TLS certificate. */
  PEER_NOT_MEMBER("FG-5007", 403, "TLS peer is not a federation member"),
  /** The TLS client certificate belongs to another agency than the envelope's sender. */
  PEER_NOT_SENDER("FG-5008", 403, "TLS peer is not the envelope's sender"),
  /** The resource does not exist, or the caller may not see it. */
  NOT_FOUND("FG-5009", 404, "Not found"),
  /** Delivery to a partner was retried until the envelope expired and then dead-lettered. */
  DELIVERY_EXPIRED("FG-5010", 504, "Delivery abandoned: envelope expired"),
  /** The national back end refused or did not answer. */
  BACKEND_UNAVAILABLE("FG-5011", 502, "National back end unavailable"),
  /** The partner's receipt is missing, does not verify, or does not match the envelope. */
  RECEIPT_INVALID("FG-5012", 502, "Partner receipt invalid"),
  /** The gateway's store (outbox, inbox, audit) cannot be reached. */
  STORE_UNAVAILABLE("FG-5013", 503, "Gateway store unavailable"),
  /** The request body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE("FG-5014", 413, "Payload too large"),
  /** The request's content type is not accepted by the endpoint. */
  UNSUPPORTED_MEDIA_TYPE("FG-5015", 415, "Unsupported media type"),
  /** An unexpected internal failure; details are only in the server log, without personal data. */
  INTERNAL("FG-5016", 500, "Internal gateway error"),
  /** A SOAP request without a valid WS-Security UsernameToken and Timestamp. */
  SOAP_SECURITY("FG-5017", 401, "WS-Security check failed"),
  /** A message id already received with a different payload digest. */
  DUPLICATE_CONFLICT("FG-5018", 409, "Message id already used for another payload"),
  /** The gateway is not ready (directory stale, store unreachable, still starting). */
  NOT_READY("FG-5019", 503, "Gateway not ready"),
  /** The partner refused the envelope; its receipt carries the partner's own code. */
  PARTNER_REJECTED("FG-5020", 502, "Partner rejected the envelope"),
  /** The message type or record type is not handled by this endpoint. */
  UNSUPPORTED_MESSAGE("FG-5021", 422, "Unsupported message type"),
  /**
   * The same envelope is being received on another connection (the sender timed out and retried, or
   * two of its replicas sent it): retry later, and the retry gets the receipt.
   */
  RECEIVE_IN_PROGRESS("FG-5022", 503, "Envelope still being received, retry"),
  /** An agency caller sent an Idempotency-Key again with a request that differs from the first. */
  IDEMPOTENCY_KEY_REUSED("FG-5023", 422, "Idempotency-Key already used for another request"),
  /**
   * A request with the same Idempotency-Key is still being processed: retry later, and the retry
   * gets its answer.
   */
  IDEMPOTENCY_IN_PROGRESS("FG-5024", 409, "Request with this Idempotency-Key in progress, retry");

  private final String code;
  private final int httpStatus;
  private final String title;

  GatewayError(String code, int httpStatus, String title) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public String title() {
    return title;
  }
}
