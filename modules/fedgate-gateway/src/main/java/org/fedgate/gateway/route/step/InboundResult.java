package org.fedgate.gateway.route.step;

/**
 * What the federation API answers for one inbound envelope: a signed receipt (ACCEPTED, or REJECTED
 * when the envelope verified but was refused), or only a code when it did not verify.
 */
public record InboundResult(
    int httpStatus, String receipt, String code, String title, String detail) {

  public static InboundResult accepted(String receipt) {
    return new InboundResult(200, receipt, null, null, null);
  }

  public boolean isAccepted() {
    return code == null;
  }
}
