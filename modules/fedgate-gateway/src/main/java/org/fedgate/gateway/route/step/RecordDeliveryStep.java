package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.Outbox;

/** Marks the outbox row DELIVERED with the partner's receipt and audits it, in one transaction. */
public final class RecordDeliveryStep extends Step {

  private final InFlight inFlight;

  public RecordDeliveryStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) {
    Outbox.Entry row = required(exchange, GatewayHeaders.OUTBOX_ENTRY, Outbox.Entry.class);
    String receipt = required(exchange, GatewayHeaders.RECEIPT, String.class);
    AuditEvent event =
        AuditEvent.builder(Operation.DELIVERY, ctx.clock().instant(), ctx.agency().value())
            .counterpart(row.partner())
            .justification(row.purpose(), null, null)
            .message(row.messageId(), row.conversationId(), row.payloadSha256())
            .outcome("DELIVERED", null)
            .build();
    try {
      ctx.metrics()
          .time(
              GatewayMetrics.Step.AUDIT,
              () ->
                  ctx.batcher()
                      .run(
                          (c, audit) -> {
                            if (ctx.outbox()
                                .finish(
                                    c, row.messageId(), Outbox.State.DELIVERED, null, receipt)) {
                              audit.append(event);
                            }
                            return null;
                          }));
      ctx.metrics().exchange(row.partner(), "out", "delivered");
    } finally {
      inFlight.release(row.messageId());
    }
  }
}
