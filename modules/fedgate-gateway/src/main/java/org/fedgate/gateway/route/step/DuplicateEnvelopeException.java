package org.fedgate.gateway.route.step;

import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * An envelope whose message id and payload were accepted before: refused as a replay (FG-2015),
 * answered with the original signed ACCEPTED receipt, so that a sender that lost that receipt can
 * still prove delivery and nothing is processed twice.
 */
public final class DuplicateEnvelopeException extends FedgateException {

  private static final long serialVersionUID = 1L;

  private final transient String originalReceipt;

  public DuplicateEnvelopeException(String messageId, String originalReceipt) {
    super(TrustError.REPLAY, "message " + messageId + " accepted before");
    this.originalReceipt = originalReceipt;
  }

  public String originalReceipt() {
    return originalReceipt;
  }
}
