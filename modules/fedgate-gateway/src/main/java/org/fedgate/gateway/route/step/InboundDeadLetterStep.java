package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letter channel for work on received envelopes (back-end delivery, answering a partner's
 * request): retried until the envelope expired, then closed as DEAD and audited as DELIVERY_FAILED
 * with its code.
 */
public final class InboundDeadLetterStep extends Step {

  private static final Logger LOG = LoggerFactory.getLogger(InboundDeadLetterStep.class);

  private final InFlight inFlight;
  private final InboundQueue.State from;

  public InboundDeadLetterStep(GatewayContext ctx, InFlight inFlight, InboundQueue.State from) {
    super(ctx);
    this.inFlight = inFlight;
    this.from = from;
  }

  @Override
  public void process(Exchange exchange) {
    String id = exchange.getIn().getBody(String.class);
    InboundQueue.Entry row = ctx.inbound().find(id).orElse(null);
    if (row == null) {
      inFlight.release(id);
      return;
    }
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String code =
        cause instanceof FedgateException fe ? fe.code() : GatewayError.BACKEND_UNAVAILABLE.code();
    AuditEvent event =
        AuditEvent.builder(Operation.DELIVERY_FAILED, ctx.clock().instant(), ctx.agency().value())
            .actor(null, "GATEWAY")
            .counterpart(row.sender())
            .justification(row.purpose(), null, null)
            .message(row.messageId(), row.conversationId(), row.payloadSha256())
            .outcome("DEAD", code)
            .build();
    try {
      ctx.audit()
          .inTransaction(
              (c, audit) -> {
                if (ctx.inbound()
                    .transition(c, row.messageId(), from, InboundQueue.State.DEAD, code)) {
                  audit.append(event);
                }
                return null;
              });
      ctx.metrics().rejection(code);
      LOG.warn("inbound work abandoned: messageId={} code={}", row.messageId(), code);
    } finally {
      inFlight.release(row.messageId());
    }
  }
}
