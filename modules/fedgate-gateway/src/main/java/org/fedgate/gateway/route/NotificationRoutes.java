package org.fedgate.gateway.route;

import org.apache.camel.builder.RouteBuilder;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.step.DeadLetterStep;
import org.fedgate.gateway.route.step.DeliverToPartnerStep;
import org.fedgate.gateway.route.step.DiscloseAndEnqueueStep;
import org.fedgate.gateway.route.step.Handoff;
import org.fedgate.gateway.route.step.InFlight;
import org.fedgate.gateway.route.step.MinimiseStep;
import org.fedgate.gateway.route.step.OutboxPollStep;
import org.fedgate.gateway.route.step.RecordDeliveryStep;
import org.fedgate.gateway.route.step.ResolvePartnersStep;
import org.fedgate.gateway.route.step.SealStep;
import org.fedgate.gateway.route.step.TranslateToCanonicalStep;
import org.fedgate.gateway.route.step.VerifyReceiptStep;

/**
 * Flow 1, case notification (push): national record -> validate and translate -> per partner:
 * minimise, seal, disclose and enqueue (one transaction) -> outbox -> deliver over mutual TLS ->
 * verify the signed receipt -> record the delivery. Failed deliveries back off exponentially until
 * the envelope expires, then the dead-letter channel closes and audits them.
 */
public final class NotificationRoutes extends RouteBuilder {

  /** Entry point of the push flow (synchronous: the caller learns the message ids). */
  public static final String PUSH = "direct:notification-push";

  /** Shared by the push and record-request flows: minimised, sealed, enqueued per partner. */
  public static final String SEAL_AND_ENQUEUE = "direct:seal-and-enqueue";

  static final String DELIVER = "seda:outbox-deliver";

  static final String DEAD_LETTER = "direct:delivery-dead-letter";

  private final GatewayContext ctx;
  private final InFlight inFlight = new InFlight();

  public NotificationRoutes(GatewayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void configure() {
    // failures are answered, audited and logged (without their messages) by our own steps
    errorHandler(
        defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
    var delivery = ctx.config().delivery();
    RedeliveryPolicy policy = new RedeliveryPolicy(delivery, ctx.clock());

    from(PUSH)
        .routeId("notification-push")
        .process(new TranslateToCanonicalStep(ctx))
        .id("translate-to-canonical")
        .process(new ResolvePartnersStep(ctx))
        .id("resolve-partners")
        .split(header(GatewayHeaders.PARTNERS))
        .stopOnException()
        .setHeader(GatewayHeaders.PARTNER, body())
        .process(new MinimiseStep(ctx))
        .id("minimise")
        .to(SEAL_AND_ENQUEUE)
        .end();

    from(SEAL_AND_ENQUEUE)
        .routeId("seal-and-enqueue")
        .process(new SealStep(ctx))
        .id("seal")
        .process(new DiscloseAndEnqueueStep(ctx, new Handoff(inFlight, DELIVER)))
        .id("disclose-and-enqueue");

    from("timer:outbox-poll?delay=0&period=" + delivery.pollInterval().toMillis())
        .routeId("outbox-poll")
        .process(new OutboxPollStep(ctx, inFlight, DELIVER, 4 * 256))
        .id("outbox-poll-step");

    from(DELIVER + "?concurrentConsumers=" + delivery.workers() + "&size=100000")
        .routeId("outbox-deliver")
        .errorHandler(
            deadLetterChannel(DEAD_LETTER)
                .useOriginalMessage()
                .useExponentialBackOff()
                .redeliveryDelay(delivery.initialBackoff().toMillis())
                .backOffMultiplier(delivery.backoffMultiplier())
                .maximumRedeliveryDelay(delivery.maxBackoff().toMillis())
                .maximumRedeliveries(-1)
                .retryWhile(policy.retryWhile())
                .asyncDelayedRedelivery()
                .onRedelivery(policy.onRedelivery(ctx.metrics(), "partner"))
                .logExhausted(false)
                .logStackTrace(false))
        .process(new DeliverToPartnerStep(ctx, inFlight))
        .id("deliver-to-partner")
        .process(new VerifyReceiptStep(ctx))
        .id("verify-receipt")
        .process(new RecordDeliveryStep(ctx, inFlight))
        .id("record-delivery");

    from(DEAD_LETTER)
        .routeId("delivery-dead-letter")
        .process(new DeadLetterStep(ctx, inFlight))
        .id("dead-letter-audit");
  }
}
