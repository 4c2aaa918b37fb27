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

  /** Exchange property with the loaded inbound row. */
  public static final String ROW = "FedgateInboundRow";

  private final InFlight inFlight;

  public DeliverToBackendStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) {
    String id = exchange.getIn().getBody(String.class);
    // a row handed over right after its commit is fresh; otherwise (a poll, a redelivery) load it
    // now: a poll may have read its id just before an earlier delivery committed
    InboundQueue.Entry preloaded = takePreloaded(exchange, InboundQueue.Entry.class);
    InboundQueue.Entry row = preloaded != null ? preloaded : ctx.inbound().find(id).orElse(null);
    if (row == null || row.state() != InboundQueue.State.PENDING_BACKEND) {
      inFlight.release(id);
      exchange.setRouteStop(true);
      return;
    }
    if (!stillOurs(
        exchange,
        ctx.inbound().claims(),
        id,
        InboundQueue.State.PENDING_BACKEND.name(),
        inFlight)) {
      return;
    }
    exchange.setProperty(ROW, row);
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
