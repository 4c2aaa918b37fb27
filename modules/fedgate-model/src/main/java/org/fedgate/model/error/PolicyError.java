package org.fedgate.model.error;

/**
 * Failures of exchange agreements, data minimisation and the receiver's over-sharing check
 * (FG-3xxx). Details name agreement ids, rule ids, purposes and canonical paths, never values.
 */
public enum PolicyError implements ErrorCode {
  /** The agreement is not JSON or does not match the agreement schema. */
  AGREEMENT_MALFORMED("FG-3001", 400, "Exchange agreement is malformed"),
  /** One or both parties have not signed the agreement. */
  AGREEMENT_NOT_SIGNED_BY_BOTH_PARTIES(
      "FG-3002", 403, "Exchange agreement is not signed by both parties"),
  /** The agreement's validity period has not started. */
  AGREEMENT_NOT_YET_VALID("FG-3003", 403, "Exchange agreement is not valid yet"),
  /** The agreement's validity period is over. */
  AGREEMENT_EXPIRED("FG-3004", 403, "Exchange agreement has expired"),
  /** A purpose name that fedgate does not know. */
  UNKNOWN_PURPOSE("FG-3005", 400, "Unknown purpose"),
  /** The agreement states no legal basis. */
  AGREEMENT_LEGAL_BASIS_MISSING("FG-3006", 400, "Exchange agreement states no legal basis"),
  /** A rule names a path that the canonical schema does not have. */
  RULE_UNKNOWN_PATH("FG-3007", 400, "Agreement rule on a path the canonical schema does not have"),
  /** A rule's action or generalisation does not fit its path, or its scope is inconsistent. */
  RULE_NOT_APPLICABLE("FG-3008", 400, "Agreement rule does not fit its path"),
  /** No agreement with that id (or for that pair of agencies) is loaded. */
  AGREEMENT_UNKNOWN("FG-3009", 404, "No such exchange agreement"),
  /** The agreement does not allow the requested purpose. */
  PURPOSE_NOT_ALLOWED("FG-3010", 403, "Purpose not allowed by the exchange agreement"),
  /** The disclosure or request states no legal basis although the agreement requires one. */
  LEGAL_BASIS_MISSING("FG-3011", 400, "Legal basis missing"),
  /** The canonical record cannot be minimised (not an ACR object). */
  RECORD_INVALID("FG-3012", 400, "Canonical record cannot be minimised"),
  /** The received record holds fields the agreement would not have released. */
  OVER_SHARING("FG-3013", 422, "Received record holds fields the agreement does not release"),
  /** No pseudonymisation key is configured for the agreement. */
  PSEUDONYM_KEY_MISSING("FG-3014", 500, "No pseudonymisation key for the agreement"),
  /** Two agreements with the same id and version, or two valid ones for the same direction. */
  AGREEMENT_CONFLICT("FG-3015", 409, "Conflicting exchange agreements"),
  /** The stated legal basis is not one the exchange agreement rests on. */
  LEGAL_BASIS_NOT_COVERED("FG-3016", 403, "Legal basis not covered by the exchange agreement");

  private final String code;
  private final int httpStatus;
  private final String title;

  PolicyError(String code, int httpStatus, String title) {
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
