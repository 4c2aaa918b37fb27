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
 * Envelopes refused because they carried more than their agreement releases (over-sharing, FG-3xxx
 * on a verified envelope). They are held here, never delivered to the national back end, so that a
 * reviewer can take the breach up with the sending agency: the signed envelope is the evidence of
 * what the partner sent. The reason holds the agreement and the offending canonical paths, never
 * values. Rows are written in the same transaction as their QUARANTINE audit entry.
 */
public final class Quarantine {

  /** One quarantined envelope. {@code envelope} is the signed JWS exactly as received. */
  public record Entry(
      String messageId,
      String conversationId,
      String sender,
      String purpose,
      String agreementId,
      String agreementVersion,
      String errorCode,
      String reason,
      String payloadSha256,
      Instant receivedAt,
      String envelope) {
    /** Ids and code only: the held envelope stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Quarantine.Entry[messageId="
          + messageId
          + ", sender="
          + sender
          + ", errorCode="
          + errorCode
          + "]";
    }
  }

  private final GatewayStore store;

  public Quarantine(GatewayStore store) {
    this.store = store;
  }

  /**
   * Holds an envelope inside the caller's transaction; a second copy of the same message (a
   * redelivery) is already held and adds nothing. Returns whether a row was written.
   */
  public boolean insert(Connection c, Entry e) throws SQLException {
    try (PreparedStatement check =
        c.prepareStatement("SELECT 1 FROM fg_quarantine WHERE message_id = ?")) {
      check.setString(1, e.messageId());
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fg_quarantine (message_id, conversation_id, sender, purpose,"
                + " agreement_id, agreement_version, error_code, reason, payload_sha256,"
                + " received_at, envelope) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, e.messageId());
      ps.setString(2, e.conversationId());
      ps.setString(3, e.sender());
      ps.setString(4, e.purpose());
      ps.setString(5, e.agreementId());
      ps.setString(6, e.agreementVersion());
      ps.setString(7, e.errorCode());
      ps.setString(8, e.reason());
      ps.setString(9, e.payloadSha256());
      ps.setLong(10, e.receivedAt().toEpochMilli());
      ps.setString(11, e.envelope());
      return ps.executeUpdate() == 1;
    }
  }

  /** The newest held envelopes, without their content. */
  public List<Entry> list(int limit) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT message_id, conversation_id, sender, purpose, agreement_id,"
                      + " agreement_version, error_code, reason, payload_sha256, received_at"
                      + " FROM fg_quarantine ORDER BY received_at DESC, message_id"
                      + " FETCH FIRST "
                      + Math.max(1, limit)
                      + " ROWS ONLY")) {
            return read(ps, false);
          }
        });
  }

  /** One held envelope, with the signed envelope itself. */
  public Optional<Entry> find(String messageId) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM fg_quarantine WHERE message_id = ?")) {
            ps.setString(1, messageId);
            return read(ps, true).stream().findFirst();
          }
        });
  }

  /** The number of held envelopes. */
  public long count() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM fg_quarantine");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static List<Entry> read(PreparedStatement ps, boolean withEnvelope) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Entry(
                rs.getString("message_id"),
                rs.getString("conversation_id"),
                rs.getString("sender"),
                rs.getString("purpose"),
                rs.getString("agreement_id"),
                rs.getString("agreement_version"),
                rs.getString("error_code"),
                rs.getString("reason"),
                rs.getString("payload_sha256"),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                withEnvelope ? rs.getString("envelope") : null));
      }
    }
    return out;
  }
}
