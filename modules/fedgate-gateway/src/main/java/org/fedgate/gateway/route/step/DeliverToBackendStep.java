package org.fedgate.gateway.route.step;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.backend.NationalBackend;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.InboundQueue;

/**
 * Delivers a received, translated record to the national back end (REST or SOAP), with the message
 * id as idempotency key. Failures are retried by the route until the envelope expires.
 */
public final class DeliverToBackendStep extends Step {

  private final InFlight inFlight;

  public DeliverToBackendStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) {
    InboundQueue.Entry row = exchange.getIn().getBody(InboundQueue.Entry.class);
    // a poll may have read the row just before an earlier delivery committed: re-check it
    if (ctx.inbound()
        .find(row.messageId())
        .map(r -> r.state() != InboundQueue.State.PENDING_BACKEND)
        .orElse(true)) {
      inFlight.release(row.messageId());
      exchange.setRouteStop(true);
      return;
    }
    exchange.getIn().setHeader(GatewayHeaders.INBOUND_ENTRY, row.messageId());
    exchange.getIn().setHeader(GatewayHeaders.EXPIRES_AT, row.expiresAt());
    ctx.metrics()
        .time(
            GatewayMetrics.Step.DELIVER,
            () -> {
              ctx.backend()
                  .deliver(
                      new NationalBackend.Delivery(
                          row.messageId(),
                          row.conversationId(),
                          row.sender(),
                          row.messageType(),
                          row.purpose(),
                          row.mediaType(),
                          row.body() == null
                              ? new byte[0]
                              : row.body().getBytes(StandardCharsets.UTF_8)));
              return null;
            });
  }
}
