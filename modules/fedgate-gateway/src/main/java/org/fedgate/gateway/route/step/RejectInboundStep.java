package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.Quarantine;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.ErrorCode;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an inbound envelope: audits the REJECTION with the code and whatever ids are known
 * (nothing from the record), counts it, and answers with a signed REJECTED receipt when the
 * envelope itself verified and the refusal is final, or with the code only when it did not verify
 * or the failure is a passing one (5xx: the sender retries).
 */
public final class RejectInboundStep extends Step {

  private static final Logger LOG = LoggerFactory.getLogger(RejectInboundStep.class);

  public RejectInboundStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    ErrorCode code = cause instanceof FedgateException fe ? fe.errorCode() : GatewayError.INTERNAL;
    String detail = cause instanceof FedgateException fe ? fe.detail() : "";
    if (!(cause instanceof FedgateException)) {
      LOG.error(
          "inbound processing failed: {}",
          cause == null ? "?" : org.fedgate.gateway.logging.Failures.describe(cause));
    }
    EnvelopeTrust.Opened opened =
        optional(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class);
    AgencyId peer = optional(exchange, GatewayHeaders.TLS_PEER, AgencyId.class);
    if (code == GatewayError.RECEIVE_IN_PROGRESS) {
      // not a refusal: the attempt in progress answers, audits and collects the envelope; no
      // signed rejection may contradict its receipt
      ctx.metrics().rejection(code.code());
      LOG.info(
          "inbound envelope already being received, sender told to retry: messageId={} peer={}",
          opened == null ? "-" : opened.header().messageId(),
          peer == null ? "-" : peer.value());
      exchange
          .getIn()
          .setBody(new InboundResult(code.httpStatus(), null, code.code(), code.title(), detail));
      return;
    }
    if (opened != null
        && code.httpStatus() >= 500
        && Boolean.TRUE.equals(exchange.getIn().getHeader(GatewayHeaders.MARKED_SEEN))) {
      // a passing failure (store unavailable, ...): the sender retries, which is no replay
      ctx.trust().forgetSeen(opened);
    }
    AuditEvent.Builder event =
        AuditEvent.builder(
                // a record carrying more than its agreement releases is held as a quarantine case
                code.code().startsWith("FG-3") && opened != null
                    ? Operation.QUARANTINE
                    : Operation.REJECTION,
                ctx.clock().instant(),
                ctx.agency().value())
            .actor(null, "GATEWAY")
            .outcome("REJECTED", code.code());
    String receipt = null;
    if (opened != null) {
      EnvelopeHeader h = opened.header();
      event
          .counterpart(h.from().value())
          .justification(h.purpose().name(), h.legalBasis(), h.justificationRef())
          .message(h.messageId(), h.conversationId(), opened.payloadSha256())
          .agreement(h.agreementId(), h.agreementVersion());
      try {
        // a passing failure (5xx) gets no signed rejection: the sender retries, and a retry that
        // succeeds must not leave it holding a REJECTED receipt beside the ACCEPTED one
        receipt =
            cause instanceof DuplicateEnvelopeException dup
                ? dup.originalReceipt()
                : code.httpStatus() >= 500
                    ? null
                    : ctx.trust()
                        .signReceipt(
                            h.messageId(),
                            h.from(),
                            opened.payloadSha256(),
                            ctx.clock().instant(),
                            code.code());
      } catch (RuntimeException e) {
        LOG.error("could not sign a rejection receipt: {}", e.getClass().getName());
      }
    } else if (peer != null) {
      event.counterpart(peer.value());
    }
    String held = exchange.getIn().getBody() instanceof String s ? s : null;
    boolean quarantine = code.code().startsWith("FG-3") && opened != null && held != null;
    try {
      if (quarantine) {
        // held for review together with its audit entry: the signed envelope is the evidence of
        // what the partner sent beyond the agreement; it never reaches the national back end
        EnvelopeHeader h = opened.header();
        Quarantine.Entry row =
            new Quarantine.Entry(
                h.messageId(),
                h.conversationId(),
                h.from().value(),
                h.purpose().name(),
                h.agreementId(),
                h.agreementVersion(),
                code.code(),
                detail,
                opened.payloadSha256(),
                ctx.clock().instant(),
                held);
        AuditEvent entry = event.build();
        ctx.batcher()
            .run(
                (c, audit) -> {
                  ctx.quarantine().insert(c, row);
                  return audit.append(entry);
                });
      } else {
        ctx.audit().append(event.build());
      }
    } catch (RuntimeException e) {
      LOG.error("could not audit a rejection: {}", e.getClass().getName());
    }
    ctx.metrics().rejection(code.code());
    ctx.metrics().exchange(peer == null ? "unknown" : peer.value(), "in", "rejected");
    LOG.warn(
        "inbound envelope rejected: code={} messageId={} peer={}",
        code.code(),
        opened == null ? "-" : opened.header().messageId(),
        peer == null ? "-" : peer.value());
    exchange
        .getIn()
        .setBody(new InboundResult(code.httpStatus(), receipt, code.code(), code.title(), detail));
  }
}
