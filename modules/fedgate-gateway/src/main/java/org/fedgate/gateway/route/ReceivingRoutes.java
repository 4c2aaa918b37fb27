package org.fedgate.gateway.route;

import org.apache.camel.builder.RouteBuilder;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.step.CheckAgreementStep;
import org.fedgate.gateway.route.step.CheckPeerIsSenderStep;
import org.fedgate.gateway.route.step.CollectStep;
import org.fedgate.gateway.route.step.DeliverToBackendStep;
import org.fedgate.gateway.route.step.Handoff;
import org.fedgate.gateway.route.step.IdempotentReceiverStep;
import org.fedgate.gateway.route.step.InFlight;
import org.fedgate.gateway.route.step.InboundDeadLetterStep;
import org.fedgate.gateway.route.step.InboundPollStep;
import org.fedgate.gateway.route.step.RecordBackendDeliveryStep;
import org.fedgate.gateway.route.step.RejectInboundStep;
import org.fedgate.gateway.route.step.ReplayGuardStep;
import org.fedgate.gateway.route.step.TranslateToNationalStep;
import org.fedgate.gateway.route.step.VerifyEnvelopeStep;
import org.fedgate.gateway.store.InboundQueue;

/**
 * Flow 2, receiving: verify the envelope -> the TLS peer must be its sender -> idempotent receiver
 * -> replay guard -> agreement check (over-sharing is refused) -> translate to the national format
 * -> collect (receipt, audit and inbound row in one transaction). Any failure is audited as a
 * REJECTION and answered with a signed REJECTED receipt where possible. Delivery to the national
 * back end runs apart, idempotently and with back-off bounded by the envelope's expiry.
 */
public final class ReceivingRoutes extends RouteBuilder {

  /** Entry point for an envelope posted to the federation API (body: the JWS). */
  public static final String RECEIVE = "direct:federation-receive";

  static final String BACKEND_DELIVER = "seda:backend-deliver";

  static final String BACKEND_DEAD_LETTER = "direct:backend-dead-letter";

  private final GatewayContext ctx;
  private final InFlight inFlight = new InFlight();

  /** Message ids being received right now (from verification to the answer). */
  private final InFlight receiving = new InFlight();

  public ReceivingRoutes(GatewayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void configure() {
    // failures are answered, audited and logged (without their messages) by our own steps
    errorHandler(
        defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
    var delivery = ctx.config().delivery();
    RedeliveryPolicy policy = new RedeliveryPolicy(delivery, ctx.clock());

    from(RECEIVE)
        .routeId("federation-receive")
        .onException(Exception.class)
        .handled(true)
        .process(new RejectInboundStep(ctx))
        .id("reject-inbound")
        .end()
        .process(new VerifyEnvelopeStep(ctx))
        .id("verify-envelope")
        .process(new CheckPeerIsSenderStep(ctx))
        .id("check-peer-is-sender")
        .process(new IdempotentReceiverStep(ctx))
        .id("idempotent-receiver")
        .process(new ReplayGuardStep(ctx, receiving))
        .id("replay-guard")
        .process(new CheckAgreementStep(ctx))
        .id("check-agreement")
        .process(new TranslateToNationalStep(ctx))
        .id("translate-to-national")
        .process(
            new CollectStep(
                ctx, ctx.backend().configured() ? new Handoff(inFlight, BACKEND_DELIVER) : null))
        .id("collect");

    if (!ctx.backend().configured()) {
      return;
    }
    from("timer:backend-poll?delay=0&period=" + delivery.pollInterval().toMillis())
        .routeId("backend-poll")
        .process(
            new InboundPollStep(
                ctx, inFlight, InboundQueue.State.PENDING_BACKEND, BACKEND_DELIVER, 512))
        .id("backend-poll-step");

    from(BACKEND_DELIVER + "?concurrentConsumers=" + delivery.workers() + "&size=100000")
        .routeId("backend-deliver")
        .errorHandler(
            deadLetterChannel(BACKEND_DEAD_LETTER)
                .useOriginalMessage()
                .useExponentialBackOff()
                .redeliveryDelay(delivery.initialBackoff().toMillis())
                .backOffMultiplier(delivery.backoffMultiplier())
                .maximumRedeliveryDelay(delivery.maxBackoff().toMillis())
                .maximumRedeliveries(-1)
                .retryWhile(policy.retryWhile())
                .asyncDelayedRedelivery()
                .onRedelivery(policy.onRedelivery(ctx.metrics(), "backend"))
                .logExhausted(false)
                .logStackTrace(false))
        .process(new DeliverToBackendStep(ctx, inFlight))
        .id("deliver-to-backend")
        .process(new RecordBackendDeliveryStep(ctx, inFlight))
        .id("record-backend-delivery");

    from(BACKEND_DEAD_LETTER)
        .routeId("backend-dead-letter")
        .process(new InboundDeadLetterStep(ctx, inFlight, InboundQueue.State.PENDING_BACKEND))
        .id("backend-dead-letter-audit");
  }
}
