package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.store.InboundQueue;

/** Marks a received record delivered to the national back end and audits it, in one transaction. */
public final class RecordBackendDeliveryStep extends Step {

  private final InFlight inFlight;

  public RecordBackendDeliveryStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) {
    InboundQueue.Entry row =
        exchange.getProperty(DeliverToBackendStep.ROW, InboundQueue.Entry.class);
    AuditEvent event =
        AuditEvent.builder(Operation.BACKEND_DELIVERY, ctx.clock().instant(), ctx.agency().value())
            .actor(null, "GATEWAY")
            .counterpart(row.sender())
            .justification(row.purpose(), null, null)
            .message(row.messageId(), row.conversationId(), row.payloadSha256())
            .outcome("DELIVERED", null)
            .build();
    try {
      ctx.batcher()
          .run(
              (c, audit) -> {
                if (ctx.inbound()
                    .transition(
                        c,
                        row.messageId(),
                        InboundQueue.State.PENDING_BACKEND,
                        InboundQueue.State.DELIVERED,
                        null)) {
                  audit.append(event);
                }
                return null;
              });
      ctx.metrics().exchange(row.sender(), "backend", "delivered");
    } finally {
      inFlight.release(row.messageId());
    }
  }
}
