package org.fedgate.gateway.route.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.Ids;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.AgencyId;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Turns an officer's record request into the content of a RECORD_REQUEST envelope: the query (a
 * case reference), purpose, legal basis and justification, with a new conversation id that is also
 * the request id the officer polls. The partner must be a member with an agreement.
 */
public final class CreateRecordRequestStep extends Step {

  public CreateRecordRequestStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    AgencyId partner = required(exchange, GatewayHeaders.PARTNER, AgencyId.class);
    Purpose purpose = required(exchange, GatewayHeaders.PURPOSE, Purpose.class);
    String caseReference = exchange.getIn().getBody(String.class);
    if (!ctx.trust().members().contains(partner) || partner.equals(ctx.agency())) {
      throw new FedgateException(
          GatewayError.UNKNOWN_PARTNER, "not a federation member: " + partner.value());
    }
    String legalBasis = required(exchange, GatewayHeaders.LEGAL_BASIS, String.class);
    // the partner answers under its agreement towards us: refuse at once a basis it does not rest
    // on, rather than after the round trip
    ctx.minimisation().checkLegalBasis(partner, ctx.agency(), purpose, legalBasis);
    ObjectNode query = GatewayContext.JSON.createObjectNode();
    query.putObject("query").put("caseReference", caseReference);
    query.put("legalBasis", legalBasis);
    query.put("justification", required(exchange, GatewayHeaders.JUSTIFICATION, String.class));
    query.put("purpose", purpose.name());
    String requestId = Ids.uuidV7(ctx.clock().instant());
    exchange.getIn().setHeader(GatewayHeaders.CANONICAL, query);
    exchange.getIn().setHeader(GatewayHeaders.CONVERSATION_ID, requestId);
    exchange.getIn().setHeader(GatewayHeaders.REQUEST_ID, requestId);
    exchange.getIn().setHeader(GatewayHeaders.MESSAGE_TYPE, MessageType.RECORD_REQUEST);
  }
}
