package org.fedgate.gateway.route.step;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Idempotent receiver by message id: an envelope received before (the sender retried because our
 * receipt was lost) gets the stored receipt back and creates nothing new; the same id with another
 * payload is refused. Runs after verification, before the replay guard, so that an honest retry is
 * not mistaken for a replay.
 */
public final class IdempotentReceiverStep extends Step {

  public IdempotentReceiverStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    answerIfReceived(ctx, required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class));
  }

  /**
   * Throws {@link DuplicateEnvelopeException} with the stored receipt when the envelope was
   * received before, {@code FG-5018} when its id came with another payload; returns otherwise.
   */
  static void answerIfReceived(GatewayContext ctx, EnvelopeTrust.Opened opened) {
    Optional<InboundQueue.Entry> seen = ctx.inbound().find(opened.header().messageId());
    if (seen.isEmpty()) {
      return;
    }
    if (!seen.get().payloadSha256().equals(opened.payloadSha256())) {
      throw new FedgateException(GatewayError.DUPLICATE_CONFLICT, "message id reused");
    }
    ctx.metrics().exchange(opened.header().from().value(), "in", "duplicate");
    throw new DuplicateEnvelopeException(opened.header().messageId(), seen.get().receipt());
  }
}
