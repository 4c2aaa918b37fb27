package org.fedgate.gateway.route.step;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;

/** Cuts the canonical record down to what the agreement with the current partner releases. */
public final class MinimiseStep extends Step {

  public MinimiseStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    AgencyId partner = required(exchange, GatewayHeaders.PARTNER, AgencyId.class);
    Purpose purpose = required(exchange, GatewayHeaders.PURPOSE, Purpose.class);
    JsonNode canonical = required(exchange, GatewayHeaders.CANONICAL, JsonNode.class);
    RecordMinimisation.Minimised minimised =
        ctx.metrics()
            .time(
                GatewayMetrics.Step.MINIMISE,
                () ->
                    ctx.minimisation()
                        .minimise(
                            ctx.agency(),
                            partner,
                            purpose,
                            required(exchange, GatewayHeaders.LEGAL_BASIS, String.class),
                            canonical));
    exchange.getIn().setHeader(GatewayHeaders.MINIMISED, minimised);
  }
}
