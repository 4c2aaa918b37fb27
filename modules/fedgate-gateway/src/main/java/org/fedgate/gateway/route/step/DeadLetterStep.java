package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.model.MessageType;
import org.fedgate.model.error.GatewayError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter channel of outbound delivery: an envelope the partner refused (REJECTED, with the
 * partner's code) or that expired while retrying (DEAD, FG-5010) is closed in the outbox and
 * audited as DELIVERY_FAILED, so nothing is dropped silently. A record request that dies is marked
 * refused or failed for the officer.
 */
public final class DeadLetterStep extends Step {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStep.class);

  private final InFlight inFlight;

  public DeadLetterStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) {
    String id = exchange.getIn().getBody(String.class);
    Outbox.Entry row = ctx.outbox().find(id).orElse(null);
    if (row == null) {
      inFlight.release(id);
      return;
    }
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    boolean rejected = cause instanceof PartnerRejectedException;
    String code =
        rejected
            ? ((PartnerRejectedException) cause).code()
            : cause instanceof org.fedgate.model.error.FedgateException fe
                ? fe.code()
                : GatewayError.DELIVERY_EXPIRED.code();
    String receipt = rejected ? ((PartnerRejectedException) cause).receipt() : null;
    Outbox.State state = rejected ? Outbox.State.REJECTED : Outbox.State.DEAD;
    AuditEvent event =
        AuditEvent.builder(Operation.DELIVERY_FAILED, ctx.clock().instant(), ctx.agency().value())
            .counterpart(row.partner())
            .justification(row.purpose(), null, null)
            .message(row.messageId(), row.conversationId(), row.payloadSha256())
            .outcome(state.name(), code)
            .build();
    try {
      ctx.audit()
          .inTransaction(
              (c, audit) -> {
                if (ctx.outbox().finish(c, row.messageId(), state, code, receipt)) {
                  audit.append(event);
                  if (MessageType.RECORD_REQUEST.name().equals(row.messageType())) {
                    ctx.requests()
                        .complete(
                            c,
                            row.conversationId(),
                            rejected ? RecordRequests.State.REFUSED : RecordRequests.State.FAILED,
                            code,
                            null,
                            null);
                  }
                }
                return null;
              });
      ctx.metrics().exchange(row.partner(), "out", rejected ? "rejected" : "dead");
      ctx.metrics().rejection(code);
      LOG.warn(
          "delivery closed: messageId={} partner={} state={} code={}",
          row.messageId(),
          row.partner(),
          state,
          code);
    } finally {
      inFlight.release(row.messageId());
    }
  }
}
