package org.fedgate.gateway.route.step;

import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/** A named route step with access to its gateway. Subclasses do one thing each. */
public abstract class Step implements Processor {

  protected final GatewayContext ctx;

  protected Step(GatewayContext ctx) {
    this.ctx = Objects.requireNonNull(ctx);
  }

  /** A header that must be present (a missing one is a wiring bug, not bad input). */
  protected static <T> T required(Exchange exchange, String header, Class<T> type) {
    T value = exchange.getIn().getHeader(header, type);
    if (value == null) {
      throw new FedgateException(GatewayError.INTERNAL, "missing route header " + header);
    }
    return value;
  }

  protected static <T> T optional(Exchange exchange, String header, Class<T> type) {
    return exchange.getIn().getHeader(header, type);
  }

  /**
   * The row a {@link Handoff} attached to a fresh delivery, removed from the message so that a
   * redelivery reads the row again; null for rows found by a poll.
   */
  protected static <T> T takePreloaded(Exchange exchange, Class<T> type) {
    T row = exchange.getIn().getHeader(GatewayHeaders.PRELOADED_ROW, type);
    exchange.getIn().removeHeader(GatewayHeaders.PRELOADED_ROW);
    return row;
  }

  /**
   * On a redelivery, renews this instance's claim on the row before another attempt; when the row
   * left {@code state} or another instance took it over (this one's claim ran out), gives it up
   * here and stops the route.
   */
  protected static boolean stillOurs(
      Exchange exchange,
      org.fedgate.gateway.store.WorkClaims claims,
      String id,
      String state,
      InFlight inFlight) {
    Integer redeliveries = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
    if (redeliveries == null || redeliveries == 0 || claims.renew(id, state)) {
      return true;
    }
    inFlight.release(id);
    exchange.setRouteStop(true);
    return false;
  }

  private volatile ProducerTemplate producer;

  /** A producer for this step's context, created once (creating one per message is costly). */
  protected ProducerTemplate producer(Exchange exchange) {
    ProducerTemplate p = producer;
    if (p == null) {
      synchronized (this) {
        p = producer;
        if (p == null) {
          p = exchange.getContext().createProducerTemplate();
          producer = p;
        }
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
