package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.GatewayHeaders;

/**
 * Hands PENDING outbox rows that are not already in flight to the delivery route. Runs on a timer;
 * after a restart it picks up everything that was accepted but not yet delivered.
 */
public final class OutboxPollStep extends Step {

  private final InFlight inFlight;
  private final String target;
  private final int batch;

  public OutboxPollStep(GatewayContext ctx, InFlight inFlight, String target, int batch) {
    super(ctx);
    this.inFlight = inFlight;
    this.target = target;
    this.batch = batch;
  }

  @Override
  public void process(Exchange exchange) {
    if (inFlight.size() >= batch) {
      return;
    }
    ProducerTemplate producer = producer(exchange);
    for (String id : ctx.outbox().pendingIds(batch + inFlight.size())) {
      if (inFlight.claim(id)) {
        if (ctx.outbox().claims().claim(id)) {
          producer.sendBodyAndHeader(target, id, GatewayHeaders.MESSAGE_ID, id);
        } else {
          inFlight.release(id); // another instance took it meanwhile
        }
      }
    }
  }
}
