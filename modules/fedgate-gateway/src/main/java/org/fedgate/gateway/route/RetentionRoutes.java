package org.fedgate.gateway.route;

import org.apache.camel.builder.RouteBuilder;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.step.RetentionSweepStep;

/**
 * Retention: a minute after start and then every hour, what partners sent and the agreement no
 * longer lets this gateway keep is erased (see {@link RetentionSweepStep}).
 */
public final class RetentionRoutes extends RouteBuilder {

  /** First sweep after start (ms): leaves start-up and recovery of pending rows to go first. */
  static final long FIRST_SWEEP_MS = 60_000;

  /** Between sweeps (ms): retention periods are counted in days, an hour late is nothing. */
  static final long SWEEP_PERIOD_MS = 3_600_000;

  private final GatewayContext ctx;

  public RetentionRoutes(GatewayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void configure() {
    errorHandler(
        defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
    from("timer:retention-sweep?delay=" + FIRST_SWEEP_MS + "&period=" + SWEEP_PERIOD_MS)
        .routeId("retention-sweep")
        .process(new RetentionSweepStep(ctx))
        .id("retention-sweep-step");
  }
}
