package org.fedgate.gateway.route.step;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.MessageType;

/**
 * Translates a received record into this agency's national format (exchange property {@value
 * #NATIONAL}). A record request carries a query, not a record, and is kept as it is.
 */
public final class TranslateToNationalStep extends Step {

  /** Exchange property with the national bytes. */
  public static final String NATIONAL = "FedgateNational";

  public TranslateToNationalStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    EnvelopeTrust.Opened opened =
        required(exchange, GatewayHeaders.OPENED, EnvelopeTrust.Opened.class);
    JsonNode record = opened.record();
    if (opened.header().type() == MessageType.RECORD_REQUEST || isEmpty(record)) {
      return;
    }
    byte[] national =
        ctx.metrics()
            .time(
                GatewayMetrics.Step.TRANSLATE,
                () -> ctx.translation().fromCanonical(ctx.profile(), record));
    exchange.setProperty(NATIONAL, national);
  }

  static boolean isEmpty(JsonNode record) {
    return record == null || record.isNull() || (record.isObject() && record.isEmpty());
  }
}
