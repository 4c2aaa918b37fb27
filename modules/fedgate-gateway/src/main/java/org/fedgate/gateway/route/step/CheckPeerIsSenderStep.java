package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/** The mutual-TLS client must be the member that signed and sent the envelope. */
public final class CheckPeerIsSenderStep extends Step {

  public CheckPeerIsSenderStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    AgencyId peer = optional(exchange, GatewayHeaders.TLS_PEER, AgencyId.class);
    EnvelopeTrust.Opened opened =
        required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class);
    if (peer == null) {
      throw new FedgateException(GatewayError.PEER_NOT_MEMBER, "no client certificate");
    }
    if (!peer.equals(opened.header().from())) {
      throw new FedgateException(
          GatewayError.PEER_NOT_SENDER,
          "TLS peer " + peer.value() + " sent an envelope from " + opened.header().from().value());
    }
  }
}
