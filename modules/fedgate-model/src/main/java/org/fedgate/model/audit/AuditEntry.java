package org.fedgate.model.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;

/**
 * One audited operation on personal data, as EU Directive 2016/680 Art. 25 asks of consultation and
 * disclosure logs: what was done, when, by whom, for which purpose and legal basis, to or from
 * whom, under which agreement and mapping versions, which fields were released or withheld, and how
 * it ended. It holds metadata only: identifiers, digests and canonical paths, never names,
 * identifier values, dates of birth or free text of data subjects. Every text component is
 * validated against a narrow identifier pattern; an invalid entry is refused with {@code FG-4001}.
 *
 * <p>The timestamp is truncated to microseconds so that it survives every store unchanged. The log
 * assigns the sequence number; it is not part of this value.
 */
public record AuditEntry(
    Operation operation,
    Instant timestamp,
    Actor actor,
    AgencyId counterpart,
    List<AgencyId> recipients,
    Purpose purpose,
    String legalBasis,
    String justificationRef,
    String messageId,
    String conversationId,
    String payloadDigest,
    AgreementRef agreement,
    String profileVersion,
    String mappingVersion,
    FieldDisposition fields,
    Outcome outcome,
    String errorCode) {

  public AuditEntry {
    AuditFields.required(operation, "operation");
    AuditFields.required(timestamp, "timestamp");
    timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    AuditFields.required(actor, "actor");
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    if (recipients.size() > AuditFields.MAX_RECIPIENTS) {
      throw AuditFields.invalid("recipients: more than " + AuditFields.MAX_RECIPIENTS);
    }
    AuditFields.optional(legalBasis, AuditFields.IDENTIFIER, "legalBasis");
    AuditFields.optional(justificationRef, AuditFields.IDENTIFIER, "justificationRef");
    AuditFields.optional(messageId, AuditFields.IDENTIFIER, "messageId");
    AuditFields.optional(conversationId, AuditFields.IDENTIFIER, "conversationId");
    AuditFields.optional(payloadDigest, AuditFields.DIGEST, "payloadDigest");
    AuditFields.optional(profileVersion, AuditFields.VERSION, "profileVersion");
    AuditFields.optional(mappingVersion, AuditFields.VERSION, "mappingVersion");
    fields = fields == null ? FieldDisposition.NONE : fields;
    AuditFields.required(outcome, "outcome");
    AuditFields.optional(errorCode, AuditFields.ERROR_CODE, "errorCode");
    if (outcome != Outcome.SUCCESS && errorCode == null) {
      throw AuditFields.invalid("errorCode: required when the outcome is " + outcome);
    }
  }

  /** A builder, because most operations fill only some components. */
  public static Builder builder(Operation operation, Actor actor, Outcome outcome) {
    return new Builder(operation, actor, outcome);
  }

  /** Builds an {@link AuditEntry}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final Operation operation;
    private final Actor actor;
    private final Outcome outcome;
    private Instant timestamp;
    private AgencyId counterpart;
    private final List<AgencyId> recipients = new ArrayList<>();
    private Purpose purpose;
    private String legalBasis;
    private String justificationRef;
    private String messageId;
    private String conversationId;
    private String payloadDigest;
    private AgreementRef agreement;
    private String profileVersion;
    private String mappingVersion;
    private FieldDisposition fields = FieldDisposition.NONE;
    private String errorCode;

    private Builder(Operation operation, Actor actor, Outcome outcome) {
      this.operation = operation;
      this.actor = actor;
      this.outcome = outcome;
    }

    public Builder timestamp(Instant value) {
      this.timestamp = value;
      return this;
    }

    public Builder counterpart(AgencyId value) {
      this.counterpart = value;
      return this;
    }

    public Builder recipients(List<AgencyId> values) {
      this.recipients.clear();
      this.recipients.addAll(values);
      return this;
    }

    public Builder purpose(Purpose value) {
      this.purpose = value;
      return this;
    }

    public Builder legalBasis(String value) {
      this.legalBasis = value;
      return this;
    }

    public Builder justificationRef(String value) {
      this.justificationRef = value;
      return this;
    }

    public Builder messageId(String value) {
      this.messageId = value;
      return this;
    }

    public Builder conversationId(String value) {
      this.conversationId = value;
      return this;
    }

    public Builder payloadDigest(String value) {
      this.payloadDigest = value;
      return this;
    }

    public Builder agreement(String id, String version) {
      this.agreement = new AgreementRef(id, version);
      return this;
    }

    public Builder profileVersion(String value) {
      this.profileVersion = value;
      return this;
    }

    public Builder mappingVersion(String value) {
      this.mappingVersion = value;
      return this;
    }

    public Builder fields(FieldDisposition value) {
      this.fields = value;
      return this;
    }

    public Builder errorCode(String value) {
      this.errorCode = value;
      return this;
    }

    public AuditEntry build() {
      return new AuditEntry(
          operation,
          timestamp == null ? Instant.now() : timestamp,
          actor,
          counterpart,
          List.copyOf(recipients),
          purpose,
          legalBasis,
          justificationRef,
          messageId,
          conversationId,
          payloadDigest,
          agreement,
          profileVersion,
          mappingVersion,
          fields,
          outcome,
          errorCode);
    }
  }
}
