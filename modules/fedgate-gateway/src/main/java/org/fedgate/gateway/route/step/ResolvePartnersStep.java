package org.fedgate.gateway.route.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Checks that every requested partner is a federation member with an agreement from this agency;
 * the notification is refused as a whole otherwise (nothing is sent to anyone).
 */
public final class ResolvePartnersStep extends Step {

  public ResolvePartnersStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    @SuppressWarnings("unchecked")
    List<AgencyId> requested = exchange.getIn().getHeader(GatewayHeaders.PARTNERS, List.class);
    Set<AgencyId> members = ctx.trust().members();
    Set<AgencyId> withAgreement = ctx.minimisation().partnersOf(ctx.agency());
    List<AgencyId> partners = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "no partner named in /to");
    }
    for (AgencyId p : requested) {
      if (p.equals(ctx.agency()) || !members.contains(p) || !withAgreement.contains(p)) {
        throw new FedgateException(
            GatewayError.UNKNOWN_PARTNER, "no member with an agreement: " + p.value());
      }
      // refuse the whole notification before anything is enqueued for any partner
      org.fedgate.model.Purpose purpose =
          required(exchange, GatewayHeaders.PURPOSE, org.fedgate.model.Purpose.class);
      ctx.minimisation().checkPurpose(ctx.agency(), p, purpose);
      ctx.minimisation()
          .checkLegalBasis(
              ctx.agency(),
              p,
              purpose,
              required(exchange, GatewayHeaders.LEGAL_BASIS, String.class));
      if (!partners.contains(p)) {
        partners.add(p);
      }
    }
    exchange.getIn().setHeader(GatewayHeaders.PARTNERS, partners);
  }
}
