package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.MessageType;

/**
 * Checks what arrived against the agreement: a record carrying anything the sender's agreement
 * would not have released is over-sharing and is refused (FG-3xxx, paths only); a record request
 * must name a purpose that our agreement towards the requester allows.
 */
public final class CheckAgreementStep extends Step {

  public CheckAgreementStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    EnvelopeTrust.Opened opened =
        required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class);
    EnvelopeHeader h = opened.header();
    if (h.type() == MessageType.RECORD_REQUEST) {
      // the requester asks us to release under our agreement towards it
      ctx.minimisation().checkPurpose(ctx.agency(), h.from(), h.purpose());
      ctx.minimisation().checkLegalBasis(ctx.agency(), h.from(), h.purpose(), h.legalBasis());
    } else {
      // a disclosure must rest on the agreement it came under, like its content
      ctx.minimisation().checkLegalBasis(h.from(), ctx.agency(), h.purpose(), h.legalBasis());
      ctx.minimisation().checkReceived(h.from(), ctx.agency(), h.purpose(), opened.record());
    }
  }
}
