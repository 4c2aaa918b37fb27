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
 * The durable outbox: a sealed envelope is inserted in the same transaction as its disclosure audit
 * entry and stays PENDING until the partner's receipt is verified (DELIVERED), the partner refuses
 * it (REJECTED) or it expires (DEAD). A restarted gateway delivers every PENDING row again; the
 * receiver's idempotency by message id makes that exactly-once. The envelope of a finished row is
 * erased once {@code retention.sentEnvelopes} has run ({@link Erasure#dueSent}); the row stays.
 */
public final class Outbox {

  /** Outbox row states. */
  public enum State {
    PENDING,
    DELIVERED,
    REJECTED,
    DEAD
  }

  /** One outbox row; {@code envelope} is null once erased ({@code erasedAt}). */
  public record Entry(
      String messageId,
      String conversationId,
      String partner,
      String messageType,
      String purpose,
      String envelope,
      String payloadSha256,
      Instant createdAt,
      Instant expiresAt,
      State state,
      int attempts,
      String errorCode,
      Instant erasedAt) {
    /** Ids and state only: the sealed envelope stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Outbox.Entry[messageId="
          + messageId
          + ", partner="
          + partner
          + ", state="
          + state
          + "]";
    }
  }

  private final GatewayStore store;
  private final WorkClaims claims;

  /** {@code instance}, {@code lease}: see {@link WorkClaims}. */
  public Outbox(GatewayStore store, String instance, java.time.Duration lease) {
    this.store = store;
    this.claims = new WorkClaims(store, "fg_outbox", instance, lease);
  }

  /** Which instance delivers which row. */
  public WorkClaims claims() {
    return claims;
  }

  /** Inserts a PENDING row inside the caller's transaction, claimed by this instance. */
  public void insert(Connection c, Entry e) throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fg_outbox (message_id, conversation_id, partner, message_type, purpose,"
                + " envelope, payload_sha256, created_at, expires_at, state, attempts, updated_at,"
                + " claimed_by, claimed_until) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,?)")) {
      ps.setString(1, e.messageId());
      ps.setString(2, e.conversationId());
      ps.setString(3, e.partner());
      ps.setString(4, e.messageType());
      ps.setString(5, e.purpose());
      ps.setString(6, e.envelope());
      ps.setString(7, e.payloadSha256());
      ps.setLong(8, e.createdAt().toEpochMilli());
      ps.setLong(9, e.expiresAt().toEpochMilli());
      ps.setString(10, State.PENDING.name());
      ps.setLong(11, now);
      ps.setString(12, claims.owner());
      ps.setLong(13, claims.until(now));
      ps.executeUpdate();
    }
  }

  /** The oldest PENDING rows. */
  public List<Entry> pending(int limit) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM fg_outbox WHERE state = ? ORDER BY created_at, message_id"
                      + " FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            ps.setString(1, State.PENDING.name());
            return read(ps);
          }
        });
  }

  /**
   * The ids of the oldest PENDING rows that no other instance is working on (polling reads ids
   * only; rows are loaded one by one).
   */
  public List<String> pendingIds(int limit) {
    long now = System.currentTimeMillis();
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT message_id FROM fg_outbox WHERE state = ? AND "
                      + WorkClaims.FREE
                      + " ORDER BY created_at, message_id FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            ps.setString(1, State.PENDING.name());
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

  public Optional<Entry> find(String messageId) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM fg_outbox WHERE message_id = ?")) {
            ps.setString(1, messageId);
            return read(ps).stream().findFirst();
          }
        });
  }

  /** All rows of a conversation (for status pages), oldest first. */
  public List<Entry> byConversation(String conversationId) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM fg_outbox WHERE conversation_id = ? ORDER BY created_at")) {
            ps.setString(1, conversationId);
            return read(ps);
          }
        });
  }

  /** Counts one more delivery attempt. */
  public void attempted(String messageId) {
    store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE fg_outbox SET attempts = attempts + 1, updated_at = ? WHERE message_id = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, messageId);
            return ps.executeUpdate();
          }
        });
  }

  /** Moves a PENDING row to a final state inside the caller's transaction. */
  public boolean finish(
      Connection c, String messageId, State state, String errorCode, String receipt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE fg_outbox SET state = ?, error_code = ?, receipt = ?, updated_at = ?"
                + " WHERE message_id = ? AND state = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, errorCode);
      ps.setString(3, receipt);
      ps.setLong(4, System.currentTimeMillis());
      ps.setString(5, messageId);
      ps.setString(6, State.PENDING.name());
      return ps.executeUpdate() == 1;
    }
  }

  /** The number of PENDING rows (the outbox depth gauge). */
  public long depth() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM fg_outbox WHERE state = ?")) {
            ps.setString(1, State.PENDING.name());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Counts rows per partner and state, for the demo summary. */
  public List<Entry> all() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM fg_outbox ORDER BY created_at")) {
            return read(ps);
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
                rs.getString("partner"),
                rs.getString("message_type"),
                rs.getString("purpose"),
                rs.getString("envelope"),
                rs.getString("payload_sha256"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("error_code"),
                GatewayStore.instant(rs, "erased_at")));
      }
    }
    return out;
  }
}
