package org.fedgate.gateway.route.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.model.AgencyId;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Answers a partner's record request: reads the query, asks the national back end for the case and
 * prepares the headers of the RECORD_RESPONSE (same conversation, requester as partner, the
 * request's purpose). The body becomes the national record, or null when the case is unknown.
 */
public final class QueryBackendStep extends Step {

  private final InFlight inFlight;

  public QueryBackendStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    String id = exchange.getIn().getBody(String.class);
    InboundQueue.Entry row = ctx.inbound().find(id).orElse(null);
    if (row == null || row.state() != InboundQueue.State.REQUEST_PENDING) {
      inFlight.release(id);
      exchange.setRouteStop(true);
      return;
    }
    if (!stillOurs(
        exchange,
        ctx.inbound().claims(),
        id,
        InboundQueue.State.REQUEST_PENDING.name(),
        inFlight)) {
      return;
    }
    JsonNode query = GatewayContext.JSON.readTree(row.body());
    String caseReference = query.path("query").path("caseReference").asText(null);
    if (caseReference == null) {
      throw new FedgateException(
          GatewayError.REQUEST_INVALID, "query without /query/caseReference");
    }
    exchange.getIn().setHeader(GatewayHeaders.INBOUND_ENTRY, row.messageId());
    exchange.getIn().setHeader(GatewayHeaders.EXPIRES_AT, row.expiresAt());
    exchange.getIn().setHeader(GatewayHeaders.PARTNER, AgencyId.of(row.sender()));
    exchange.getIn().setHeader(GatewayHeaders.PURPOSE, Purpose.valueOf(row.purpose()));
    exchange.getIn().setHeader(GatewayHeaders.MESSAGE_TYPE, MessageType.RECORD_RESPONSE);
    exchange.getIn().setHeader(GatewayHeaders.CONVERSATION_ID, row.conversationId());
    exchange.getIn().setHeader(GatewayHeaders.LEGAL_BASIS, query.path("legalBasis").asText("-"));
    exchange
        .getIn()
        .setHeader(GatewayHeaders.JUSTIFICATION, query.path("justification").asText("-"));
    exchange.getIn().setHeader(GatewayHeaders.OFFICER, "gateway");
    exchange.getIn().setHeader(GatewayHeaders.ROLE, "GATEWAY");
    exchange.setProperty("FedgateInboundRow", row);
    Optional<byte[]> national =
        ctx.backend().configured() ? ctx.backend().fetchCase(caseReference) : Optional.empty();
    exchange.getIn().setBody(national.orElse(null));
    if (national.isEmpty()) {
      exchange.getIn().setHeader(GatewayHeaders.CANONICAL, GatewayContext.JSON.createObjectNode());
    }
  }
}
