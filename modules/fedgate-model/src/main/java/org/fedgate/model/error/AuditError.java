package org.fedgate.model.error;

/** Failures of the tamper-evident audit log ({@code FG-4xxx}). */
public enum AuditError implements ErrorCode {
  INVALID_ENTRY("FG-4001", 400, "Audit entry is invalid"),
  STORE_UNAVAILABLE("FG-4002", 503, "Audit store is unavailable"),
  APPEND_FAILED("FG-4003", 503, "Audit entry could not be committed"),
  LOG_TAMPERED("FG-4004", 500, "Audit log does not match its signed checkpoints"),
  CHECKPOINT_SIGNATURE_INVALID("FG-4005", 500, "Checkpoint signature does not verify"),
  PROOF_INVALID("FG-4006", 422, "Merkle proof does not verify"),
  UNKNOWN_SEQUENCE("FG-4007", 404, "No audit entry or tree of that size"),
  BUNDLE_INVALID("FG-4008", 400, "Audit bundle is malformed"),
  UNSUPPORTED_STORE("FG-4009", 400, "Unsupported audit store URL"),
  INVALID_QUERY("FG-4010", 400, "Audit query is invalid"),
  CERTIFICATE_INVALID("FG-4011", 400, "Certificate cannot be used to verify checkpoints"),
  LOG_CLOSED("FG-4012", 503, "Audit log is closed"),
  NO_CHECKPOINT("FG-4013", 409, "No signed checkpoint covers the requested entries"),
  CHECKPOINT_INCONSISTENT("FG-4014", 500, "Checkpoints are not consistent with each other"),
  SIGNING_FAILED("FG-4015", 503, "Checkpoint could not be signed");

  private final String code;
  private final int httpStatus;
  private final String title;

  AuditError(String code, int httpStatus, String title) {
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
