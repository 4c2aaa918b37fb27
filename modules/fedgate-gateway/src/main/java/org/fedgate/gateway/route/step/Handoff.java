package org.fedgate.gateway.route.step;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;
import org.fedgate.gateway.route.GatewayHeaders;

/**
 * Hands a row straight to its delivery route once the transaction that wrote it is durable, so that
 * a new row does not wait for (or cost) a poll of the table. The id is claimed in the route's
 * {@link InFlight} set <em>before</em> the commit, so the safety-net poll cannot dispatch it a
 * second time; if the commit fails or the hand-off is refused (queue full, route stopping) the
 * claim is released and the timer poll delivers the row. The route receives the id as its body, as
 * from a poll, and the row itself in {@link GatewayHeaders#PRELOADED_ROW}, so that it need not read
 * back what was just written.
 */
public final class Handoff {

  private final InFlight inFlight;
  private final String target;

  public Handoff(InFlight inFlight, String target) {
    this.inFlight = inFlight;
    this.target = target;
  }

  /**
   * The whole protocol: claims {@code id}, runs {@code commit} (which writes the row durably), then
   * dispatches {@code row}. A failed commit releases the claim and rethrows; an id already in
   * flight is committed but not dispatched again.
   */
  public <T> T commitThenDispatch(
      ProducerTemplate producer, String id, Object row, Supplier<T> commit) {
    boolean claimed = claim(id);
    T result;
    try {
      result = commit.get();
    } catch (RuntimeException e) {
      if (claimed) {
        release(id);
      }
      throw e;
    }
    if (claimed) {
      dispatch(producer, id, row);
    }
    return result;
  }

  /** Claims the id before its row is committed; false if it is already in flight. */
  public boolean claim(String id) {
    return inFlight.claim(id);
  }

  /** Gives the claim up (the commit failed, or the row is not for this route). */
  public void release(String id) {
    inFlight.release(id);
  }

  /** Sends the committed row to the delivery route; on refusal, leaves it to the poll. */
  public void dispatch(ProducerTemplate producer, String id, Object row) {
    try {
      producer.sendBodyAndHeaders(
          target, id, Map.of(GatewayHeaders.MESSAGE_ID, id, GatewayHeaders.PRELOADED_ROW, row));
    } catch (RuntimeException e) {
      // the row is durable; the timer poll picks it up once the claim is released
      inFlight.release(id);
    }
  }
}
