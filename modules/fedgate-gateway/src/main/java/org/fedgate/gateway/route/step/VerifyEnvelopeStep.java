package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Verifies the inbound envelope before anything else looks at it: signature, certificate chain to
 * the federation root, validity, revocation, signer equals sender, expiry, and that it is for us.
 */
public final class VerifyEnvelopeStep extends Step {

  public VerifyEnvelopeStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    String jws = exchange.getIn().getBody(String.class);
    EnvelopeTrust.Opened opened =
        ctx.metrics().time(GatewayMetrics.Step.VERIFY, () -> ctx.trust().open(jws));
    exchange.getIn().setHeader(GatewayHeaders.OPENED, opened);
    exchange.getIn().setHeader(GatewayHeaders.MESSAGE_ID, opened.header().messageId());
    exchange.getIn().setHeader(GatewayHeaders.CONVERSATION_ID, opened.header().conversationId());
    exchange.getIn().setHeader(GatewayHeaders.PARTNER, opened.header().from());
    exchange.getIn().setHeader(GatewayHeaders.MESSAGE_TYPE, opened.header().type());
    exchange.getIn().setHeader(GatewayHeaders.PURPOSE, opened.header().purpose());
    if (!ctx.agency().equals(opened.header().to())) {
      throw new FedgateException(
          GatewayError.UNKNOWN_PARTNER, "envelope is addressed to another agency");
    }
  }
}
