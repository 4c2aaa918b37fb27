package org.fedgate.model.error;

import java.util.Objects;

/**
 * A typed failure with a stable {@link ErrorCode}.
 *
 * <p>The message is built only from the code's fixed title and a caller-supplied detail that must
 * never hold personal data: locations (JSON Pointer, XPath, canonical paths), ids, counts and
 * reasons are fine; values from records are not.
 */
public class FedgateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;
  private final String detail;

  public FedgateException(ErrorCode errorCode, String detail) {
    this(errorCode, detail, null);
  }

  public FedgateException(ErrorCode errorCode, String detail, Throwable cause) {
    super(format(errorCode, detail), cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.detail = detail == null ? "" : detail;
  }

  private static String format(ErrorCode code, String detail) {
    Objects.requireNonNull(code, "errorCode");
    return detail == null || detail.isEmpty()
        ? code.code() + " " + code.title()
        : code.code() + " " + code.title() + ": " + detail;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The stable code string, for example {@code FG-2001}. */
  public String code() {
    return errorCode.code();
  }

  /** The non-personal detail (a location or reason), possibly empty. */
  public String detail() {
    return detail;
  }
}
