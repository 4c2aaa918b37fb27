package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.GatewayHeaders;

/** A requested case the back end does not know is answered with an empty record. */
public final class AnswerNotFoundStep extends Step {

  public AnswerNotFoundStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    exchange.getIn().removeHeader(GatewayHeaders.MINIMISED);
    exchange.getIn().setHeader(GatewayHeaders.CANONICAL, GatewayContext.JSON.createObjectNode());
  }
}
