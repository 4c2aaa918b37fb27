package org.fedgate.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Envelopes received from partners, keyed by message id: the idempotent receiver's memory (a
 * redelivered envelope gets its stored receipt back and creates nothing new), the queue of
 * deliveries to the national back end, the agency inbox, and pending record requests from partners.
 */
public final class InboundQueue {

  /** Inbound row states. */
  public enum State {
    /** Translated, waiting for delivery to the national back end. */
    PENDING_BACKEND,
    /** Delivered to the national back end. */
    DELIVERED,
    /** Held in the agency inbox (no back end configured). */
    HELD,
    /** A partner's record request, waiting to be answered. */
    REQUEST_PENDING,
    /** A partner's record request, answered or refused. */
    REQUEST_DONE,
    /** A record response, stored with its request. */
    RESPONSE_STORED,
    /** Back-end delivery abandoned after the envelope expired. */
    DEAD
  }

  /**
   * One inbound row. {@code body} is the national record (or the request query); it is null once
   * the record was erased at the end of its retention period ({@code erasedAt}).
   */
  public record Entry(
      String messageId,
      String conversationId,
      String sender,
      String messageType,
      String purpose,
      String payloadSha256,
      Instant receivedAt,
      Instant expiresAt,
      String mediaType,
      String body,
      String receipt,
      State state,
      int attempts,
      String errorCode,
      Instant erasedAt) {
    /** Ids and state only: the body and receipt stay out of logs and exception messages. */
    @Override
    public String toString() {
      return "InboundQueue.Entry[messageId="
          + messageId
          + ", sender="
          + sender
          + ", state="
          + state
          + "]";
    }
  }

  private final GatewayStore store;

  private final WorkClaims claims;

  /** {@code instance}, {@code lease}: see {@link WorkClaims}. */
  public InboundQueue(GatewayStore store, String instance, java.time.Duration lease) {
    this.store = store;
    this.claims = new WorkClaims(store, "fg_inbound", instance, lease);
  }

  /** Which instance works on which row (back-end delivery, answering a request). */
  public WorkClaims claims() {
    return claims;
  }

  /** Inserts a row inside the caller's transaction, claimed by this instance. */
  public void insert(Connection c, Entry e) throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fg_inbound (message_id, conversation_id, sender, message_type, purpose,"
                + " payload_sha256, received_at, expires_at, media_type, body, receipt, state,"
                + " attempts, updated_at, claimed_by, claimed_until)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?)")) {
      ps.setString(1, e.messageId());
      ps.setString(2, e.conversationId());
      ps.setString(3, e.sender());
      ps.setString(4, e.messageType());
      ps.setString(5, e.purpose());
      ps.setString(6, e.payloadSha256());
      ps.setLong(7, e.receivedAt().toEpochMilli());
      ps.setLong(8, e.expiresAt().toEpochMilli());
      ps.setString(9, e.mediaType());
      ps.setString(10, e.body());
      ps.setString(11, e.receipt());
      ps.setString(12, e.state().name());
      ps.setLong(13, now);
      ps.setString(14, claims.owner());
      ps.setLong(15, claims.until(now));
      ps.executeUpdate();
    }
  }

  public Optional<Entry> find(String messageId) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM fg_inbound WHERE message_id = ?")) {
            ps.setString(1, messageId);
            return read(ps).stream().findFirst();
          }
        });
  }

  /**
   * The ids of the oldest rows in a state that no other instance is working on (polling reads ids
   * only).
   */
  public List<String> idsInState(State state, int limit) {
    long now = System.currentTimeMillis();
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT message_id FROM fg_inbound WHERE state = ? AND "
                      + WorkClaims.FREE
                      + " ORDER BY received_at, message_id FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            ps.setString(1, state.name());
            claims.bindFree(ps, 2, now);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
            return ids;
          }
        });
  }

  public List<Entry> inState(State state, int limit) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM fg_inbound WHERE state = ? ORDER BY received_at, message_id"
                      + " FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            ps.setString(1, state.name());
            return read(ps);
          }
        });
  }

  /** Received case notifications, newest first, for the agency inbox. */
  public List<Entry> notifications(int limit) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM fg_inbound WHERE message_type = 'CASE_NOTIFICATION'"
                      + " ORDER BY received_at DESC FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            return read(ps);
          }
        });
  }

  public void attempted(String messageId) {
    store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE fg_inbound SET attempts = attempts + 1, updated_at = ? WHERE message_id = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, messageId);
            return ps.executeUpdate();
          }
        });
  }

  /** Moves a row from one state to another inside the caller's transaction. */
  public boolean transition(Connection c, String messageId, State from, State to, String errorCode)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE fg_inbound SET state = ?, error_code = ?, updated_at = ?"
                + " WHERE message_id = ? AND state = ?")) {
      ps.setString(1, to.name());
      ps.setString(2, errorCode);
      ps.setLong(3, System.currentTimeMillis());
      ps.setString(4, messageId);
      ps.setString(5, from.name());
      return ps.executeUpdate() == 1;
    }
  }

  public long count(State state) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM fg_inbound WHERE state = ?")) {
            ps.setString(1, state.name());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static List<Entry> read(PreparedStatement ps) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Entry(
                rs.getString("message_id"),
                rs.getString("conversation_id"),
                rs.getString("sender"),
                rs.getString("message_type"),
                rs.getString("purpose"),
                rs.getString("payload_sha256"),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                rs.getString("media_type"),
                rs.getString("body"),
                rs.getString("receipt"),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("error_code"),
                GatewayStore.instant(rs, "erased_at")));
      }
    }
    return out;
  }
}
