package org.fedgate.gateway.route.step;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.model.MessageType;
import org.fedgate.model.error.FedgateException;

/**
 * Signs the ACCEPTED receipt, then in one transaction audits the collection and stores the received
 * record (queue for the back end or the inbox, a partner's request to answer, or the answer to one
 * of our officers' requests) together with the receipt, so a redelivery gets the same receipt back.
 * The receipt is returned only after the commit.
 */
public final class CollectStep extends Step {

  private final Handoff backendHandoff;

  /**
   * {@code backendHandoff}: where a committed record for the national back end goes for delivery
   * (null when no back end is configured; the timer poll is the backstop).
   */
  public CollectStep(GatewayContext ctx, Handoff backendHandoff) {
    super(ctx);
    this.backendHandoff = backendHandoff;
  }

  /** Whether the failure is a unique-key violation (SQLSTATE 23505 in H2 and PostgreSQL). */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void process(Exchange exchange) {
    EnvelopeTrust.Opened opened =
        required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class);
    EnvelopeHeader h = opened.header();
    byte[] national = exchange.getProperty(TranslateToNationalStep.NATIONAL, byte[].class);
    Instant now = ctx.clock().instant();
    String receipt =
        ctx.metrics()
            .time(
                GatewayMetrics.Step.SIGN,
                () ->
                    ctx.trust()
                        .signReceipt(h.messageId(), h.from(), opened.payloadSha256(), now, null));
    String mediaType = ctx.translation().mediaType(ctx.profile());
    String body;
    InboundQueue.State state;
    switch (h.type()) {
      case RECORD_REQUEST -> {
        state = InboundQueue.State.REQUEST_PENDING;
        body = opened.record().toString();
        mediaType = "application/json";
      }
      case RECORD_RESPONSE -> {
        state = InboundQueue.State.RESPONSE_STORED;
        body = national == null ? null : new String(national, StandardCharsets.UTF_8);
      }
      default -> {
        state =
            ctx.backend().configured()
                ? InboundQueue.State.PENDING_BACKEND
                : InboundQueue.State.HELD;
        body = national == null ? null : new String(national, StandardCharsets.UTF_8);
      }
    }
    AuditEvent event =
        AuditEvent.builder(
                h.type() == MessageType.RECORD_REQUEST
                    ? Operation.CONSULTATION
                    : Operation.COLLECTION,
                now,
                ctx.agency().value())
            .actor(null, "GATEWAY")
            .counterpart(h.from().value())
            .justification(h.purpose().name(), h.legalBasis(), h.justificationRef())
            .message(h.messageId(), h.conversationId(), opened.payloadSha256())
            .agreement(h.agreementId(), h.agreementVersion())
            .outcome("ACCEPTED", null)
            .build();
    InboundQueue.Entry row =
        new InboundQueue.Entry(
            h.messageId(),
            h.conversationId(),
            h.from().value(),
            h.type().name(),
            h.purpose().name(),
            opened.payloadSha256(),
            now,
            h.expiresAt(),
            mediaType,
            body,
            receipt,
            state,
            0,
            null,
            null);
    final String answerType = mediaType;
    Supplier<Long> commit =
        () ->
            ctx.metrics()
                .time(
                    GatewayMetrics.Step.AUDIT,
                    () ->
                        ctx.batcher()
                            .run(
                                (c, audit) -> {
                                  ctx.inbound().insert(c, row);
                                  if (h.type() == MessageType.RECORD_RESPONSE) {
                                    ctx.requests()
                                        .complete(
                                            c,
                                            h.conversationId(),
                                            RecordRequests.State.ANSWERED,
                                            null,
                                            answerType,
                                            body);
                                  }
                                  return audit.append(event);
                                }));
    try {
      if (backendHandoff != null && state == InboundQueue.State.PENDING_BACKEND) {
        backendHandoff.commitThenDispatch(producer(exchange), row.messageId(), row, commit);
      } else {
        commit.get();
      }
    } catch (FedgateException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      // another instance on this store collected the same envelope first (a sender retry that a
      // load balancer sent to it) and committed while this insert waited on its row: answer as
      // for any envelope received before, with the stored receipt, not as a failed audit write
      IdempotentReceiverStep.answerIfReceived(ctx, opened);
      throw e;
    }
    ctx.metrics().exchange(h.from().value(), "in", "accepted");
    exchange.getIn().setBody(InboundResult.accepted(receipt));
  }
}
