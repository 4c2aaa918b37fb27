package org.fedgate.gateway.route.step;

/**
 * The partner refused the envelope (its signed receipt says REJECTED, or it answered 4xx): final,
 * never retried. Carries the partner's FG code only.
 */
public final class PartnerRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String receipt;

  public PartnerRejectedException(String code, String receipt) {
    super("partner rejected the envelope with " + code, null, false, false);
    this.code = code;
    this.receipt = receipt;
  }

  public String code() {
    return code;
  }

  public String receipt() {
    return receipt;
  }
}
