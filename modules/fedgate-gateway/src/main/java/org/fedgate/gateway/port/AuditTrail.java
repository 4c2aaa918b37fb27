package org.fedgate.gateway.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** The tamper-evident audit log (fedgate-audit). Entries hold metadata only. */
public interface AuditTrail {

  /** Appends an entry durably (committed) and returns its sequence number. */
  long append(AuditEvent event);

  /**
   * Runs work in one transaction on the audit log's database: the gateway's own statements (an
   * outbox row, an inbound row) and the entries appended through the appender commit together or
   * not at all. Returns once the commit is durable.
   */
  <T> T inTransaction(AuditedWork<T> work);

  /** The audit log's database, where the gateway keeps its outbox and inbound tables too. */
  DataSource dataSource();

  /** Work inside an audited transaction. */
  @FunctionalInterface
  interface AuditedWork<T> {
    T run(Connection transaction, Appender audit) throws SQLException;
  }

  /** Appends an entry inside the surrounding transaction. */
  @FunctionalInterface
  interface Appender {
    long append(AuditEvent event) throws SQLException;
  }

  /** Filters the trail for reviewers; the filter is a set of optional fields. */
  JsonNode query(AuditQuery query);

  /** The latest signed checkpoint, as JSON. */
  JsonNode latestCheckpoint();

  /** An entry with its inclusion proof against the latest checkpoint. */
  JsonNode proof(long sequence);

  /** A consistency proof between two tree sizes (RFC 9162), with both roots. */
  JsonNode consistency(long firstSize, long secondSize);

  /** An export bundle (entries, proofs, checkpoints) for a time range. */
  JsonNode export(Instant from, Instant to);

  /** Recomputes the tree and checks every checkpoint; returns the first bad sequence or -1. */
  long verify();

  /** A description of the store for reviewers (its JDBC URL without credentials). */
  String storeUrl();

  /** Reviewer filter; null fields do not filter. */
  record AuditQuery(
      Instant from,
      Instant to,
      String counterpart,
      String officer,
      String purpose,
      String operation,
      String outcome,
      String messageId,
      String conversationId,
      long afterSequence,
      int limit) {}

  /** The operations the gateway logs. */
  enum Operation {
    DISCLOSURE,
    REQUEST,
    RESPONSE,
    QUARANTINE,
    DELIVERY,
    DELIVERY_FAILED,
    COLLECTION,
    REJECTION,
    BACKEND_DELIVERY,
    CONSULTATION,
    AUDIT_ACCESS,
    ERASURE
  }

  /** One audit entry as the gateway describes it (the adapter maps it to the module's type). */
  record AuditEvent(
      Operation operation,
      Instant timestamp,
      String actorAgency,
      String officerId,
      String role,
      String counterpart,
      String purpose,
      String legalBasis,
      String justificationRef,
      String messageId,
      String conversationId,
      String payloadSha256,
      String agreementId,
      String agreementVersion,
      String profileVersion,
      String mappingVersion,
      List<String> released,
      List<String> generalised,
      List<String> pseudonymised,
      List<String> withheld,
      String outcome,
      String errorCode) {

    public AuditEvent {
      released = released == null ? List.of() : List.copyOf(released);
      generalised = generalised == null ? List.of() : List.copyOf(generalised);
      pseudonymised = pseudonymised == null ? List.of() : List.copyOf(pseudonymised);
      withheld = withheld == null ? List.of() : List.copyOf(withheld);
    }

    public static Builder builder(Operation operation, Instant timestamp, String actorAgency) {
      return new Builder(operation, timestamp, actorAgency);
    }

    /** Fills an entry field by field; unset fields stay null. */
    public static final class Builder {
      private final Operation operation;
      private final Instant timestamp;
      private final String actorAgency;
      private String officerId;
      private String role;
      private String counterpart;
      private String purpose;
      private String legalBasis;
      private String justificationRef;
      private String messageId;
      private String conversationId;
      private String payloadSha256;
      private String agreementId;
      private String agreementVersion;
      private String profileVersion;
      private String mappingVersion;
      private List<String> released;
      private List<String> generalised;
      private List<String> pseudonymised;
      private List<String> withheld;
      private String outcome = "OK";
      private String errorCode;

      private Builder(Operation operation, Instant timestamp, String actorAgency) {
        this.operation = operation;
        this.timestamp = timestamp;
        this.actorAgency = actorAgency;
      }

      public Builder actor(String officerId, String role) {
        this.officerId = officerId;
        this.role = role;
        return this;
      }

      public Builder counterpart(String counterpart) {
        this.counterpart = counterpart;
        return this;
      }

      public Builder justification(String purpose, String legalBasis, String justificationRef) {
        this.purpose = purpose;
        this.legalBasis = legalBasis;
        this.justificationRef = justificationRef;
        return this;
      }

      public Builder message(String messageId, String conversationId, String payloadSha256) {
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.payloadSha256 = payloadSha256;
        return this;
      }

      public Builder agreement(String id, String version) {
        this.agreementId = id;
        this.agreementVersion = version;
        return this;
      }

      public Builder profileVersion(String profileVersion, String mappingVersion) {
        this.profileVersion = profileVersion;
        this.mappingVersion = mappingVersion;
        return this;
      }

      public Builder fields(
          List<String> released,
          List<String> generalised,
          List<String> pseudonymised,
          List<String> withheld) {
        this.released = released;
        this.generalised = generalised;
        this.pseudonymised = pseudonymised;
        this.withheld = withheld;
        return this;
      }

      public Builder outcome(String outcome, String errorCode) {
        this.outcome = outcome;
        this.errorCode = errorCode;
        return this;
      }

      public AuditEvent build() {
        return new AuditEvent(
            operation,
            timestamp,
            actorAgency,
            officerId,
            role,
            counterpart,
            purpose,
            legalBasis,
            justificationRef,
            messageId,
            conversationId,
            payloadSha256,
            agreementId,
            agreementVersion,
            profileVersion,
            mappingVersion,
            released,
            generalised,
            pseudonymised,
            withheld,
            outcome,
            errorCode);
      }
    }
  }
}
