package org.fedgate.gateway.route;

import org.apache.camel.builder.RouteBuilder;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.step.QueryAuditStep;
import org.fedgate.gateway.route.step.RecordAuditAccessStep;

/** Flow 4, audit review: every read of the trail is audited first, then answered. */
public final class AuditAccessRoutes extends RouteBuilder {

  /** Entry point (body: {@link QueryAuditStep.AuditRead}). */
  public static final String READ = "direct:audit-access";

  private final GatewayContext ctx;

  public AuditAccessRoutes(GatewayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void configure() {
    // failures are answered, audited and logged (without their messages) by our own steps
    errorHandler(
        defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
    from(READ)
        .routeId("audit-access")
        .process(new RecordAuditAccessStep(ctx))
        .id("record-audit-access")
        .process(new QueryAuditStep(ctx))
        .id("query-audit");
  }
}
