package org.fedgate.gateway.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Which instance of the agency's gateway works on a queued row (an outbox envelope, an inbound
 * record for the back end, a partner's request), and until when. Several instances sharing one
 * store each deliver what they queued themselves, and the polls of the others leave a row alone
 * while its claim runs: no envelope is sent by two instances at once in the normal course. A claim
 * is renewed at every attempt; the rows of an instance that died are taken over once its claims run
 * out. A claim decides who works, never what happens: every final state change stays conditional on
 * the row's state, so two instances working on one row (a claim that ran out under a live instance)
 * still record one outcome.
 */
public final class WorkClaims {

  /** The condition under which a row is free for this instance (binds now, then owner). */
  static final String FREE = "(claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)";

  private final GatewayStore store;
  private final String table;
  private final String owner;
  private final long leaseMillis;

  WorkClaims(GatewayStore store, String table, String owner, Duration lease) {
    this.store = store;
    this.table = table;
    this.owner = owner;
    this.leaseMillis = lease.toMillis();
  }

  public String owner() {
    return owner;
  }

  long until(long nowMillis) {
    return nowMillis + leaseMillis;
  }

  /** Binds {@link #FREE} at parameter {@code i}; returns the next parameter index. */
  int bindFree(PreparedStatement ps, int i, long nowMillis) throws SQLException {
    ps.setLong(i, nowMillis);
    ps.setString(i + 1, owner);
    return i + 2;
  }

  /** Takes the row for this instance if no other instance's claim on it is running. */
  public boolean claim(String messageId) {
    long now = System.currentTimeMillis();
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET claimed_by = ?, claimed_until = ? WHERE message_id = ? AND "
                      + FREE)) {
            ps.setString(1, owner);
            ps.setLong(2, until(now));
            ps.setString(3, messageId);
            bindFree(ps, 4, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Extends this instance's claim before another attempt; false when the row left {@code state} or
   * another instance took it over (this one then stops working on it).
   */
  public boolean renew(String messageId, String state) {
    long now = System.currentTimeMillis();
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET claimed_until = ? WHERE message_id = ? AND claimed_by = ?"
                      + " AND state = ?")) {
            ps.setLong(1, until(now));
            ps.setString(2, messageId);
            ps.setString(3, owner);
            ps.setString(4, state);
            return ps.executeUpdate() == 1;
          }
        });
  }
}
