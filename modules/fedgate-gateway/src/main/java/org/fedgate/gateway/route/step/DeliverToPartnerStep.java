package org.fedgate.gateway.route.step;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.backend.PartnerClient;
import org.fedgate.gateway.backend.TransientDeliveryException;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.GatewayError;

/**
 * Posts the sealed envelope to the partner's federation API over mutual TLS. Transport failures and
 * 5xx answers are retried by the route; a 4xx answer is the partner's final refusal.
 */
public final class DeliverToPartnerStep extends Step {

  private final InFlight inFlight;

  public DeliverToPartnerStep(GatewayContext ctx, InFlight inFlight) {
    super(ctx);
    this.inFlight = inFlight;
  }

  @Override
  public void process(Exchange exchange) {
    String id = exchange.getIn().getBody(String.class);
    // a row handed over right after its commit is fresh; otherwise (a poll, a redelivery) load it
    // now: a poll may have read its id just before an earlier delivery committed
    Outbox.Entry preloaded = takePreloaded(exchange, Outbox.Entry.class);
    Outbox.Entry row = preloaded != null ? preloaded : ctx.outbox().find(id).orElse(null);
    if (row == null || row.state() != Outbox.State.PENDING) {
      inFlight.release(id);
      exchange.setRouteStop(true);
      return;
    }
    if (!stillOurs(exchange, ctx.outbox().claims(), id, Outbox.State.PENDING.name(), inFlight)) {
      return;
    }
    exchange.getIn().setHeader(GatewayHeaders.OUTBOX_ENTRY, row);
    exchange.getIn().setHeader(GatewayHeaders.EXPIRES_AT, row.expiresAt());
    AgencyId partner = AgencyId.of(row.partner());
    PartnerClient.Answer answer =
        ctx.metrics()
            .time(
                GatewayMetrics.Step.DELIVER,
                () -> ctx.partners().post(ctx.trust().gatewayUrl(partner), row.envelope()));
    JsonNode body = parse(answer.body());
    String receipt = body.path("receipt").isTextual() ? body.path("receipt").asText() : null;
    if (answer.status() == 429 || answer.status() == 408) {
      throw new TransientDeliveryException("partner answered " + answer.status());
    }
    if (answer.status() / 100 != 2 && receipt == null) {
      throw new PartnerRejectedException(
          body.path("code").asText(GatewayError.PARTNER_REJECTED.code()), null);
    }
    // a refusal with a signed receipt (REJECTED, or the original ACCEPTED one for a replay) is
    // judged by the receipt alone
    exchange.getIn().setHeader(GatewayHeaders.RECEIPT, receipt);
  }

  private static JsonNode parse(String body) {
    try {
      return GatewayContext.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (Exception e) {
      return GatewayContext.JSON.createObjectNode();
    }
  }
}
