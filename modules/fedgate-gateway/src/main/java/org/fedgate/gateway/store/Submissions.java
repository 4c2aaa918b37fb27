package org.fedgate.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * What an agency caller's {@code Idempotency-Key} already created: one row per caller, key and
 * partner, naming the envelope sent to that partner and a digest of the request it came from. A row
 * is written in the same transaction as its outbox row and audit entry, so it exists exactly when
 * the envelope does. A caller that lost the answer and sends the request again gets the same
 * conversation and message ids back and nothing is sent twice; partners that a first, interrupted
 * attempt had not reached yet are sent to by the retry. Rows are forgotten after {@code
 * retention.idempotencyKeys}. The key is the caller's opaque value: never logged, never quoted in
 * an error.
 */
public final class Submissions {

  /** SQL state of a unique-key violation (H2 and PostgreSQL alike). */
  private static final String UNIQUE_VIOLATION = "23505";

  /** What one earlier request with the key created for one partner. */
  public record Prior(
      String partner, String requestSha256, String conversationId, String messageId) {}

  private final GatewayStore store;

  public Submissions(GatewayStore store) {
    this.store = store;
  }

  /** What earlier requests of {@code caller} with {@code key} created, in the order written. */
  public List<Prior> find(String caller, String key) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT partner, request_sha256, conversation_id, message_id FROM fg_submission"
                      + " WHERE caller = ? AND idempotency_key = ? ORDER BY created_at, partner")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            List<Prior> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Prior(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
              }
            }
            return out;
          }
        });
  }

  /**
   * Records, inside the caller's transaction (the one that writes the outbox row), that {@code key}
   * created {@code messageId} for {@code partner}. Another request with the same key that got there
   * first (a retry sent while the original was still being processed) makes this one fail with
   * FG-5024 and roll back: its envelope is never enqueued.
   */
  public void insert(
      Connection c,
      String caller,
      String key,
      String partner,
      String requestSha256,
      String conversationId,
      String messageId,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fg_submission (caller, idempotency_key, partner, request_sha256,"
                + " conversation_id, message_id, created_at) VALUES (?,?,?,?,?,?,?)")) {
      ps.setString(1, caller);
      ps.setString(2, key);
      ps.setString(3, partner);
      ps.setString(4, requestSha256);
      ps.setString(5, conversationId);
      ps.setString(6, messageId);
      ps.setLong(7, now.toEpochMilli());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new FedgateException(
            GatewayError.IDEMPOTENCY_IN_PROGRESS, "idempotency key taken by a concurrent request");
      }
      throw e;
    }
  }

  /** Forgets the keys written before {@code cutoff}; returns how many rows went. */
  public int forgetBefore(Instant cutoff) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM fg_submission WHERE created_at < ?")) {
            ps.setLong(1, cutoff.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }
}
