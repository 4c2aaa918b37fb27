package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.fedgate.model.error.TrustError;

/**
 * Records the message id as seen; an id seen before, or outside the time window, is a replay. An id
 * that another connection is receiving right now is not a replay but the sender's retry (its
 * request timed out) or a second sender replica: it is told to retry later (FG-5022), never given a
 * signed rejection for an envelope the first attempt is accepting. An id found seen because an
 * attempt finished meanwhile gets that attempt's receipt, as from the idempotent receiver.
 */
public final class ReplayGuardStep extends Step {

  private final InFlight receiving;

  public ReplayGuardStep(GatewayContext ctx, InFlight receiving) {
    super(ctx);
    this.receiving = receiving;
  }

  @Override
  public void process(Exchange exchange) {
    EnvelopeTrust.Opened opened =
        required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class);
    String id = opened.header().messageId();
    if (!receiving.claim(id)) {
      throw new FedgateException(GatewayError.RECEIVE_IN_PROGRESS, "message " + id);
    }
    exchange
        .getExchangeExtension()
        .addOnCompletion(
            new SynchronizationAdapter() {
              @Override
              public void onDone(Exchange done) {
                receiving.release(id);
              }
            });
    try {
      ctx.trust().markSeen(opened);
      exchange.getIn().setHeader(GatewayHeaders.MARKED_SEEN, Boolean.TRUE);
    } catch (FedgateException e) {
      if (e.errorCode() == TrustError.REPLAY) {
        IdempotentReceiverStep.answerIfReceived(ctx, opened);
      }
      throw e;
    }
  }
}
