package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.store.InboundQueue;

/** Audits a delivery to the national back end, then marks the received record delivered. */
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
      // audit first (group commit, durable), then close the row; a crash in between means one
      // more (idempotent) delivery and a second audit entry, never a missing one
      ctx.audit().append(event);
      ctx.store()
          .inTransaction(
              c ->
                  ctx.inbound()
                      .transition(
                          c,
                          row.messageId(),
                          InboundQueue.State.PENDING_BACKEND,
                          InboundQueue.State.DELIVERED,
                          null));
      ctx.metrics().exchange(row.sender(), "backend", "delivered");
    } finally {
      inFlight.release(row.messageId());
    }
  }
}
