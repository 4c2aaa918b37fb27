package org.fedgate.gateway.route;

import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExpressionAdapter;
import org.fedgate.gateway.backend.TransientDeliveryException;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.metrics.GatewayMetrics;

/**
 * Exponential back-off bounded by the envelope's expiry: a transient failure is retried while the
 * next attempt would still fall before {@link GatewayHeaders#EXPIRES_AT}; anything else (a
 * partner's refusal, an expired envelope) goes straight to the dead-letter channel.
 */
public final class RedeliveryPolicy {

  private final GatewayConfig.Delivery delivery;
  private final Clock clock;

  public RedeliveryPolicy(GatewayConfig.Delivery delivery, Clock clock) {
    this.delivery = delivery;
    this.clock = clock;
  }

  /** The delay before redelivery number {@code attempt} (1-based). */
  public long delayMillis(int attempt) {
    double d =
        delivery.initialBackoff().toMillis()
            * Math.pow(delivery.backoffMultiplier(), Math.max(0, attempt - 1));
    return (long) Math.min(d, delivery.maxBackoff().toMillis());
  }

  /** Whether another attempt is worth making now. */
  public boolean retry(Exchange exchange) {
    Throwable cause = exchange.getException();
    if (cause == null) {
      cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
    if (!(cause instanceof TransientDeliveryException)) {
      return false;
    }
    Instant expires = exchange.getIn().getHeader(GatewayHeaders.EXPIRES_AT, Instant.class);
    int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
    return expires != null && clock.instant().plusMillis(delayMillis(attempt)).isBefore(expires);
  }

  /** The Camel expression for {@code retryWhile}. */
  public ExpressionAdapter retryWhile() {
    return new ExpressionAdapter() {
      @Override
      public Object evaluate(Exchange exchange) {
        return retry(exchange);
      }
    };
  }

  /** Counts a retry. */
  public org.apache.camel.Processor onRedelivery(GatewayMetrics metrics, String target) {
    return exchange -> metrics.retry(target);
  }
}
