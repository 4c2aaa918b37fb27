package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;

/** Records the message id as seen; an id seen before, or outside the time window, is a replay. */
public final class ReplayGuardStep extends Step {

  public ReplayGuardStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    ctx.trust().markSeen(required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class));
  }
}
