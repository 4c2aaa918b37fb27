package org.fedgate.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gateway holds of a partner's records, found and erased when the agreement's retention
 * period has ended: received records (the national body of an inbound row), answers to this
 * agency's record requests, and quarantined envelopes. An inbound row or request keeps its metadata
 * (ids, digest, dates, state) with the time of erasure; a quarantined envelope is deleted (the
 * envelope is all it holds). Also what this gateway sent: the sealed envelope of a finished outbox
 * row, once the gateway's own {@code retention.sentEnvelopes} has run (the row, its digest and the
 * partner's receipt stay). Each erasure is meant to commit with its ERASURE audit entry.
 */
public final class Erasure {

  /** Where a record to erase is held. */
  public enum Kind {
    /** A record (or record request) received from the partner: {@code fg_inbound.body}. */
    RECEIVED,
    /** The partner's answer to one of this agency's requests: {@code fg_request.answer}. */
    ANSWER,
    /** An over-sharing envelope held for review: the whole {@code fg_quarantine} row. */
    QUARANTINED,
    /** An envelope this gateway sent (partner: the recipient): {@code fg_outbox.envelope}. */
    SENT
  }

  /** A record past its retention period (ids and digest only, never content). */
  public record Due(
      Kind kind,
      String id,
      String counterpart,
      String messageId,
      String conversationId,
      String purpose,
      String payloadSha256) {}

  // only finished rows: a record still waiting for the national back end is not erased under it
  private static final String FINISHED =
      "('DELIVERED', 'HELD', 'REQUEST_DONE', 'RESPONSE_STORED', 'DEAD')";

  private final GatewayStore store;

  public Erasure(GatewayStore store) {
    this.store = store;
  }

  /** The partners of whom this gateway holds, or held, records. */
  public Set<String> counterparts() {
    return store.inTransaction(
        c -> {
          Set<String> out = new TreeSet<>();
          // no filter here, so that the (partner, age) indexes answer without reading rows; a
          // partner whose rows are all erased costs one indexed due() look-up per sweep
          for (String sql :
              List.of(
                  "SELECT DISTINCT sender FROM fg_inbound",
                  "SELECT DISTINCT partner FROM fg_request",
                  "SELECT DISTINCT sender FROM fg_quarantine")) {
            try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /**
   * Up to {@code limit} records of each kind from {@code counterpart} held since before the cut, in
   * no particular order (every one is due; for an ORDER BY H2 reads and sorts all of them first
   * instead of stopping at the limit).
   */
  public List<Due> due(String counterpart, Instant before, int limit) {
    long cut = before.toEpochMilli();
    String first = " FETCH FIRST " + limit + " ROWS ONLY";
    return store.inTransaction(
        c -> {
          List<Due> out = new ArrayList<>();
          collect(
              c,
              "SELECT message_id, conversation_id, purpose, payload_sha256 FROM fg_inbound"
                  + " WHERE sender = ? AND received_at < ? AND erased_at IS NULL AND state IN "
                  + FINISHED
                  + first,
              List.of(counterpart, cut),
              rs -> byMessage(Kind.RECEIVED, counterpart, rs),
              out);
          collect(
              c,
              "SELECT request_id, message_id, purpose FROM fg_request WHERE partner = ?"
                  + " AND updated_at < ? AND erased_at IS NULL AND answer IS NOT NULL"
                  + first,
              List.of(counterpart, cut),
              rs ->
                  new Due(
                      Kind.ANSWER,
                      rs.getString(1),
                      counterpart,
                      rs.getString(2),
                      rs.getString(2),
                      rs.getString(3),
                      null),
              out);
          collect(
              c,
              "SELECT message_id, conversation_id, purpose, payload_sha256 FROM fg_quarantine"
                  + " WHERE sender = ? AND received_at < ? ORDER BY received_at"
                  + first,
              List.of(counterpart, cut),
              rs -> byMessage(Kind.QUARANTINED, counterpart, rs),
              out);
          return out;
        });
  }

  /**
   * A due record keyed by its message id, from a row of message_id, conversation_id, purpose and
   * payload_sha256 (received and quarantined envelopes).
   */
  private static Due byMessage(Kind kind, String counterpart, ResultSet rs) throws SQLException {
    String messageId = rs.getString(1);
    return new Due(
        kind, messageId, counterpart, messageId, rs.getString(2), rs.getString(3), rs.getString(4));
  }

  /**
   * Up to {@code limit} envelopes this gateway sealed before the cut whose outbox row is finished
   * (delivered, refused or expired; a pending envelope is still needed). No ORDER BY: every due row
   * goes, in whatever order, and for an ORDER BY here H2 reads and sorts every due row instead of
   * stopping at the limit (measured: 4,002 rows read for 200; without it, 200 through the index).
   */
  public List<Due> dueSent(Instant before, int limit) {
    return store.inTransaction(
        c -> {
          List<Due> out = new ArrayList<>();
          collect(
              c,
              "SELECT message_id, partner, conversation_id, purpose, payload_sha256"
                  + " FROM fg_outbox WHERE erased_at IS NULL AND created_at < ?"
                  + " AND state <> 'PENDING' FETCH FIRST "
                  + limit
                  + " ROWS ONLY",
              List.of(before.toEpochMilli()),
              rs ->
                  new Due(
                      Kind.SENT,
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(1),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5)),
              out);
          return out;
        });
  }

  private interface RowReader {
    Due read(ResultSet rs) throws SQLException;
  }

  /** Runs a query with its parameters in order and adds a {@link Due} per row. */
  private static void collect(
      Connection c, String sql, List<Object> params, RowReader reader, List<Due> out)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
    }
  }

  /**
   * Erases one record inside the caller's transaction; false when it was erased meanwhile (another
   * sweep got there first), so that only one ERASURE entry is written.
   */
  public boolean erase(Connection c, Due d, Instant at) throws SQLException {
    String sql =
        switch (d.kind()) {
          case RECEIVED ->
              "UPDATE fg_inbound SET body = NULL, erased_at = ?, updated_at = ?"
                  + " WHERE message_id = ? AND erased_at IS NULL";
          case ANSWER ->
              "UPDATE fg_request SET answer = NULL, erased_at = ?, updated_at = ?"
                  + " WHERE request_id = ? AND erased_at IS NULL";
          case QUARANTINED -> "DELETE FROM fg_quarantine WHERE message_id = ?";
          case SENT ->
              "UPDATE fg_outbox SET envelope = NULL, erased_at = ?, updated_at = ?"
                  + " WHERE message_id = ? AND erased_at IS NULL AND state <> 'PENDING'";
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (d.kind() == Kind.QUARANTINED) {
        ps.setString(1, d.id());
      } else {
        ps.setLong(1, at.toEpochMilli());
        ps.setLong(2, at.toEpochMilli());
        ps.setString(3, d.id());
      }
      return ps.executeUpdate() == 1;
    }
  }
}
