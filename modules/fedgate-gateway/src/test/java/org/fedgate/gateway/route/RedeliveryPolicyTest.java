package org.fedgate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.fedgate.gateway.backend.TransientDeliveryException;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.route.step.PartnerRejectedException;
import org.junit.jupiter.api.Test;

class RedeliveryPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  final GatewayConfig.Delivery delivery =
      new GatewayConfig.Delivery(
          Duration.ofHours(1),
          Duration.ofMillis(100),
          2.0,
          Duration.ofSeconds(5),
          null,
          0,
          null,
          null);
  final RedeliveryPolicy policy = new RedeliveryPolicy(delivery, Clock.fixed(NOW, ZoneOffset.UTC));

  Exchange failed(Throwable cause, Instant expires, int redeliveries) {
    Exchange e = new DefaultExchange(new DefaultCamelContext());
    e.setException(cause);
    e.getIn().setHeader(GatewayHeaders.EXPIRES_AT, expires);
    e.getIn().setHeader(Exchange.REDELIVERY_COUNTER, redeliveries);
    return e;
  }

  @Test
  void delayMillis_growsExponentially_upToTheMaximum() {
    assertThat(policy.delayMillis(1)).isEqualTo(100);
    assertThat(policy.delayMillis(2)).isEqualTo(200);
    assertThat(policy.delayMillis(4)).isEqualTo(800);
    assertThat(policy.delayMillis(20)).isEqualTo(5_000);
  }

  @Test
  void retry_transientFailureBeforeExpiry_retries() {
    assertThat(policy.retry(failed(new TransientDeliveryException("503"), NOW.plusSeconds(60), 3)))
        .isTrue();
  }

  @Test
  void retry_whenNextAttemptWouldFallAfterExpiry_stops() {
    assertThat(
            policy.retry(failed(new TransientDeliveryException("503"), NOW.plusMillis(4_000), 10)))
        .isFalse();
  }

  @Test
  void retry_partnerRefusal_neverRetries() {
    assertThat(
            policy.retry(
                failed(new PartnerRejectedException("FG-3013", null), NOW.plusSeconds(60), 0)))
        .isFalse();
  }
}
