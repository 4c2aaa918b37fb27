package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.InboundQueue;

/**
 * Hands inbound rows in one state (records waiting for the back end, or partners' requests waiting
 * for an answer) to their route, once each while in flight; after a restart it resumes them.
 */
public final class InboundPollStep extends Step {

  private final InFlight inFlight;
  private final InboundQueue.State state;
  private final String target;
  private final int batch;

  public InboundPollStep(
      GatewayContext ctx, InFlight inFlight, InboundQueue.State state, String target, int batch) {
    super(ctx);
    this.inFlight = inFlight;
    this.state = state;
    this.target = target;
    this.batch = batch;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    if (inFlight.size() >= batch) {
      return;
    }
    ProducerTemplate producer = producer(exchange);
    for (String id : ctx.inbound().idsInState(state, batch + inFlight.size())) {
      if (inFlight.claim(id)) {
        if (ctx.inbound().claims().claim(id)) {
          producer.sendBodyAndHeader(target, id, GatewayHeaders.MESSAGE_ID, id);
        } else {
          inFlight.release(id); // another instance took it meanwhile
        }
      }
    }
  }
}
