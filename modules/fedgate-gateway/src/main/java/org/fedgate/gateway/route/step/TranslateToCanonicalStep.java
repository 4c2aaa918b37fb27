package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics.Step;
import org.fedgate.gateway.port.RecordTranslation;
import org.fedgate.gateway.route.GatewayHeaders;

/**
 * Validates the national record (body, bytes) against this agency's profile and translates it to
 * the canonical model (header {@link GatewayHeaders#CANONICAL}).
 */
public final class TranslateToCanonicalStep extends org.fedgate.gateway.route.step.Step {

  public TranslateToCanonicalStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    byte[] national = exchange.getIn().getBody(byte[].class);
    RecordTranslation.Validated validated =
        ctx.metrics()
            .time(Step.VALIDATE, () -> ctx.translation().validate(ctx.profile(), national));
    RecordTranslation.Canonical canonical =
        ctx.metrics().time(Step.TRANSLATE, () -> ctx.translation().toCanonical(validated));
    exchange.getIn().setHeader(GatewayHeaders.CANONICAL, canonical.record());
    exchange.getIn().setHeader(GatewayHeaders.PROFILE_VERSION, canonical.profileVersion());
    exchange.getIn().setHeader(GatewayHeaders.MAPPING_VERSION, canonical.mappingVersion());
  }
}
