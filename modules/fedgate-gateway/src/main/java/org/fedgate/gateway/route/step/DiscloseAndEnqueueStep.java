package org.fedgate.gateway.route.step;

import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.model.AgencyId;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the sealed envelope to the durable outbox and its audit entry (DISCLOSURE, or CONSULTATION
 * for a record request) in one transaction: either both exist or neither. A record request also
 * gets its status row; an answer to a partner's request closes that request.
 */
public final class DiscloseAndEnqueueStep extends Step {

  private static final Logger LOG = LoggerFactory.getLogger(DiscloseAndEnqueueStep.class);

  /** Rolls back an answer whose request another instance closed first. */
  private static final class AlreadyAnswered extends RuntimeException {
    AlreadyAnswered() {
      super("partner request already answered", null, false, false);
    }
  }

  private final Handoff handoff;

  /**
   * {@code handoff}: where the committed row goes for delivery (the timer poll is the backstop).
   */
  public DiscloseAndEnqueueStep(GatewayContext ctx, Handoff handoff) {
    super(ctx);
    this.handoff = handoff;
  }

  @Override
  public void process(Exchange exchange) {
    EnvelopeTrust.Sealed sealed =
        required(exchange, GatewayHeaders.SEALED, EnvelopeTrust.Sealed.class);
    AgencyId partner = required(exchange, GatewayHeaders.PARTNER, AgencyId.class);
    MessageType type = required(exchange, GatewayHeaders.MESSAGE_TYPE, MessageType.class);
    Purpose purpose = required(exchange, GatewayHeaders.PURPOSE, Purpose.class);
    String conversation = required(exchange, GatewayHeaders.CONVERSATION_ID, String.class);
    Instant expires = required(exchange, GatewayHeaders.EXPIRES_AT, Instant.class);
    String legalBasis = required(exchange, GatewayHeaders.LEGAL_BASIS, String.class);
    String justification = required(exchange, GatewayHeaders.JUSTIFICATION, String.class);
    String officer = optional(exchange, GatewayHeaders.OFFICER, String.class);
    String role = optional(exchange, GatewayHeaders.ROLE, String.class);
    RecordMinimisation.Minimised m =
        optional(exchange, GatewayHeaders.MINIMISED, RecordMinimisation.Minimised.class);
    String answeredInbound = optional(exchange, GatewayHeaders.INBOUND_ENTRY, String.class);
    String idempotencyKey = optional(exchange, GatewayHeaders.IDEMPOTENCY_KEY, String.class);
    String requestSha256 = optional(exchange, GatewayHeaders.REQUEST_SHA256, String.class);
    Instant now = ctx.clock().instant();

    AuditEvent.Builder event =
        AuditEvent.builder(
                switch (type) {
                  case RECORD_REQUEST -> Operation.REQUEST;
                  case RECORD_RESPONSE -> Operation.RESPONSE;
                  default -> Operation.DISCLOSURE;
                },
                now,
                ctx.agency().value())
            .actor(officer, role)
            .counterpart(partner.value())
            .justification(purpose.name(), legalBasis, justification)
            .message(sealed.messageId(), conversation, sealed.payloadSha256())
            .profileVersion(
                optional(exchange, GatewayHeaders.PROFILE_VERSION, String.class),
                optional(exchange, GatewayHeaders.MAPPING_VERSION, String.class))
            .outcome("QUEUED", null);
    if (m != null) {
      event
          .agreement(m.agreement().id(), m.agreement().version())
          .fields(m.released(), m.generalised(), m.pseudonymised(), m.withheld());
    }
    Outbox.Entry row =
        new Outbox.Entry(
            sealed.messageId(),
            conversation,
            partner.value(),
            type.name(),
            purpose.name(),
            sealed.jws(),
            sealed.payloadSha256(),
            now,
            expires,
            Outbox.State.PENDING,
            0,
            null,
            null);
    try {
      handoff.commitThenDispatch(
          producer(exchange),
          row.messageId(),
          row,
          () ->
              ctx.metrics()
                  .time(
                      GatewayMetrics.Step.AUDIT,
                      () ->
                          ctx.batcher()
                              .run(
                                  (c, audit) -> {
                                    // close the partner's request first: if another instance
                                    // answered it meanwhile, nothing is disclosed a second time
                                    if (answeredInbound != null
                                        && !ctx.inbound()
                                            .transition(
                                                c,
                                                answeredInbound,
                                                InboundQueue.State.REQUEST_PENDING,
                                                InboundQueue.State.REQUEST_DONE,
                                                null)) {
                                      throw new AlreadyAnswered();
                                    }
                                    if (idempotencyKey != null) {
                                      // a concurrent request with the same key that got here
                                      // first rolls this one back (FG-5024): one envelope each
                                      ctx.submissions()
                                          .insert(
                                              c,
                                              officer,
                                              idempotencyKey,
                                              partner.value(),
                                              requestSha256,
                                              conversation,
                                              sealed.messageId(),
                                              now);
                                    }
                                    audit.append(event.build());
                                    ctx.outbox().insert(c, row);
                                    if (type == MessageType.RECORD_REQUEST) {
                                      ctx.requests()
                                          .insert(
                                              c,
                                              new RecordRequests.Entry(
                                                  conversation,
                                                  officer,
                                                  partner.value(),
                                                  purpose.name(),
                                                  legalBasis,
                                                  justification,
                                                  sealed.messageId(),
                                                  now,
                                                  RecordRequests.State.SENT,
                                                  null,
                                                  null,
                                                  null,
                                                  null));
                                    }
                                    return null;
                                  })));
    } catch (AlreadyAnswered e) {
      LOG.info(
          "partner request already answered by another instance: messageId={}", answeredInbound);
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> created = exchange.getProperty(GatewayHeaders.CREATED_MESSAGES, List.class);
    if (created != null) {
      created.add(sealed.messageId());
    }
  }
}
