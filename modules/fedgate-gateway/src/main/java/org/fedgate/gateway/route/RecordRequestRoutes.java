package org.fedgate.gateway.route;

import org.apache.camel.builder.RouteBuilder;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.step.AnswerNotFoundStep;
import org.fedgate.gateway.route.step.CreateRecordRequestStep;
import org.fedgate.gateway.route.step.InFlight;
import org.fedgate.gateway.route.step.InboundDeadLetterStep;
import org.fedgate.gateway.route.step.InboundPollStep;
import org.fedgate.gateway.route.step.MinimiseStep;
import org.fedgate.gateway.route.step.QueryBackendStep;
import org.fedgate.gateway.route.step.TranslateToCanonicalStep;
import org.fedgate.gateway.store.InboundQueue;

/**
 * Flow 3, record request and response. Requester side: the officer's request becomes a sealed
 * RECORD_REQUEST in the outbox (with a CONSULTATION audit entry and a status row). Holder side: a
 * received request (purpose already checked against the agreement) is answered from the national
 * back end, translated, minimised for the requester and sent back as a RECORD_RESPONSE in the same
 * conversation; the requester's receiving flow stores the answer for the officer.
 */
public final class RecordRequestRoutes extends RouteBuilder {

  /** Entry point for an officer's request (body: the case reference). */
  public static final String REQUEST = "direct:record-request";

  static final String ANSWER = "seda:record-request-answer";
  static final String ANSWER_DEAD_LETTER = "direct:record-request-dead-letter";

  private final GatewayContext ctx;
  private final InFlight inFlight = new InFlight();

  public RecordRequestRoutes(GatewayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void configure() {
    // failures are answered, audited and logged (without their messages) by our own steps
    errorHandler(
        defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
    var delivery = ctx.config().delivery();
    RedeliveryPolicy policy = new RedeliveryPolicy(delivery, ctx.clock());

    from(REQUEST)
        .routeId("record-request")
        .process(new CreateRecordRequestStep(ctx))
        .id("create-record-request")
        .to(NotificationRoutes.SEAL_AND_ENQUEUE);

    from("timer:record-request-poll?delay=0&period=" + delivery.pollInterval().toMillis())
        .routeId("record-request-poll")
        .process(new InboundPollStep(ctx, inFlight, InboundQueue.State.REQUEST_PENDING, ANSWER, 64))
        .id("record-request-poll-step");

    from(ANSWER + "?concurrentConsumers=2")
        .routeId("record-request-answer")
        .errorHandler(
            deadLetterChannel(ANSWER_DEAD_LETTER)
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
        .process(new QueryBackendStep(ctx, inFlight))
        .id("query-backend")
        .choice()
        .when(body().isNotNull())
        .process(new TranslateToCanonicalStep(ctx))
        .id("translate-answer-to-canonical")
        .process(new MinimiseStep(ctx))
        .id("minimise-answer")
        .otherwise()
        .process(new AnswerNotFoundStep(ctx))
        .id("answer-not-found")
        .end()
        .to(NotificationRoutes.SEAL_AND_ENQUEUE)
        .process(
            exchange ->
                inFlight.release(
                    exchange
                        .getIn()
                        .getHeader(
                            org.fedgate.gateway.route.GatewayHeaders.INBOUND_ENTRY, String.class)))
        .id("release-request");

    from(ANSWER_DEAD_LETTER)
        .routeId("record-request-dead-letter")
        .process(new InboundDeadLetterStep(ctx, inFlight, InboundQueue.State.REQUEST_PENDING))
        .id("record-request-dead-letter-audit");
  }
}
