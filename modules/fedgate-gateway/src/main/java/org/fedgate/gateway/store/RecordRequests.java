package org.fedgate.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Record requests made by this agency's officers, with their status and answer. */
public final class RecordRequests {

  /** Request states. */
  public enum State {
    SENT,
    ANSWERED,
    REFUSED,
    FAILED
  }

  /**
   * One request. {@code answer} is the partner's record in this agency's national format; it is
   * null once the record was erased at the end of its retention period ({@code erasedAt}).
   */
  public record Entry(
      String requestId,
      String officer,
      String partner,
      String purpose,
      String legalBasis,
      String justification,
      String messageId,
      Instant createdAt,
      State state,
      String errorCode,
      String mediaType,
      String answer,
      Instant erasedAt) {
    /** Ids and state only: the justification and the answer stay out of logs and messages. */
    @Override
    public String toString() {
      return "RecordRequests.Entry[requestId="
          + requestId
          + ", partner="
          + partner
          + ", state="
          + state
          + "]";
    }
  }

  private final GatewayStore store;

  public RecordRequests(GatewayStore store) {
    this.store = store;
  }

  public void insert(Connection c, Entry e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fg_request (request_id, officer, partner, purpose, legal_basis,"
                + " justification, message_id, created_at, state, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, e.requestId());
      ps.setString(2, e.officer());
      ps.setString(3, e.partner());
      ps.setString(4, e.purpose());
      ps.setString(5, e.legalBasis());
      ps.setString(6, e.justification());
      ps.setString(7, e.messageId());
      ps.setLong(8, e.createdAt().toEpochMilli());
      ps.setString(9, e.state().name());
      ps.setLong(10, System.currentTimeMillis());
      ps.executeUpdate();
    }
  }

  public Optional<Entry> find(String requestId) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM fg_request WHERE request_id = ?")) {
            ps.setString(1, requestId);
            return read(ps).stream().findFirst();
          }
        });
  }

  public List<Entry> byOfficer(String officer, int limit) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM fg_request WHERE officer = ? ORDER BY created_at DESC"
                      + " FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            ps.setString(1, officer);
            return read(ps);
          }
        });
  }

  /** Stores the answer (or refusal) of a SENT request inside the caller's transaction. */
  public boolean complete(
      Connection c,
      String requestId,
      State state,
      String errorCode,
      String mediaType,
      String answer)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE fg_request SET state = ?, error_code = ?, media_type = ?, answer = ?,"
                + " updated_at = ? WHERE request_id = ? AND state = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, errorCode);
      ps.setString(3, mediaType);
      ps.setString(4, answer);
      ps.setLong(5, System.currentTimeMillis());
      ps.setString(6, requestId);
      ps.setString(7, State.SENT.name());
      return ps.executeUpdate() == 1;
    }
  }

  private static List<Entry> read(PreparedStatement ps) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Entry(
                rs.getString("request_id"),
                rs.getString("officer"),
                rs.getString("partner"),
                rs.getString("purpose"),
                rs.getString("legal_basis"),
                rs.getString("justification"),
                rs.getString("message_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                State.valueOf(rs.getString("state")),
                rs.getString("error_code"),
                rs.getString("media_type"),
                rs.getString("answer"),
                GatewayStore.instant(rs, "erased_at")));
      }
    }
    return out;
  }
}
