package org.fedgate.gateway.route.step;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message ids handed to a delivery route and not yet finished, so that a poll does not dispatch a
 * row twice while its redelivery is waiting. Deliberately in memory: after a restart every PENDING
 * row is dispatched again, and the receiver's idempotency makes that safe.
 */
public final class InFlight {

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  public boolean claim(String id) {
    return ids.add(id);
  }

  public void release(String id) {
    ids.remove(id);
  }

  public int size() {
    return ids.size();
  }
}
