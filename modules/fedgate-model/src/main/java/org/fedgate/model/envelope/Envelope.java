package org.fedgate.model.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.InformationAccuracy;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.SourceReliability;

/**
 * The payload of a signed envelope between two gateways: routing, purpose and legal basis, handling
 * and grading codes, validity window, the agreement it was minimised under, and the minimised
 * canonical record.
 *
 * <p>Built through a validating constructor (or {@link #builder()}); failures throw {@link
 * IllegalArgumentException} with a message that names the field, never its value. {@link
 * #toString()} never prints the record or free text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
    UUID messageId,
    UUID conversationId,
    MessageType messageType,
    AgencyId from,
    AgencyId to,
    Purpose purpose,
    String legalBasis,
    String justificationRef,
    List<HandlingCode> handlingCodes,
    SourceReliability sourceReliability,
    InformationAccuracy informationAccuracy,
    Instant createdAt,
    Instant expiresAt,
    String agreementId,
    String agreementVersion,
    String schemaVersion,
    JsonNode record) {

  /** The canonical schema version this build writes. */
  public static final String CURRENT_SCHEMA_VERSION = "acr-1.0";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
  private static final int MAX_LEGAL_BASIS = 512;
  // agreement versions are dotted numbers ("1", "2.1"): the policy's own version string, unchanged
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}");

  public Envelope {
    require(messageId, "messageId");
    if (messageId.version() != 7) {
      throw new IllegalArgumentException("messageId must be a UUIDv7");
    }
    require(conversationId, "conversationId");
    require(messageType, "messageType");
    require(from, "from");
    require(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to must differ");
    }
    require(purpose, "purpose");
    require(legalBasis, "legalBasis");
    if (legalBasis.isBlank() || legalBasis.length() > MAX_LEGAL_BASIS) {
      throw new IllegalArgumentException("legalBasis must be 1-" + MAX_LEGAL_BASIS + " characters");
    }
    if (justificationRef != null && !TOKEN.matcher(justificationRef).matches()) {
      throw new IllegalArgumentException("justificationRef must be a reference token");
    }
    require(handlingCodes, "handlingCodes");
    if (handlingCodes.isEmpty() || handlingCodes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("handlingCodes must hold at least one code");
    }
    // canonical order, no duplicates: the signed bytes do not depend on how callers listed them
    handlingCodes = List.copyOf(EnumSet.copyOf(handlingCodes));
    require(sourceReliability, "sourceReliability");
    require(informationAccuracy, "informationAccuracy");
    require(createdAt, "createdAt");
    require(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt must be after createdAt");
    }
    if (agreementId != null && !TOKEN.matcher(agreementId).matches()) {
      throw new IllegalArgumentException("agreementId must be a reference token");
    }
    if (agreementVersion != null && !VERSION.matcher(agreementVersion).matches()) {
      throw new IllegalArgumentException("agreementVersion must be a version like 2 or 2.1");
    }
    require(schemaVersion, "schemaVersion");
    if (!TOKEN.matcher(schemaVersion).matches()) {
      throw new IllegalArgumentException("schemaVersion must be a version token");
    }
    require(record, "record");
    if (!record.isObject()) {
      throw new IllegalArgumentException("record must be a JSON object");
    }
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  /** A builder with a fresh UUIDv7 message id, the current schema version and H0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Ids and routing only: never the record, the legal basis text or other free text. */
  @Override
  public String toString() {
    return "Envelope[messageId="
        + messageId
        + ", type="
        + messageType
        + ", from="
        + from
        + ", to="
        + to
        + ", purpose="
        + purpose
        + "]";
  }

  /** Fluent construction of an {@link Envelope}; {@link #build()} validates. */
  public static final class Builder {
    private UUID messageId = MessageIds.newUuidV7();
    private UUID conversationId;
    private MessageType messageType = MessageType.CASE_NOTIFICATION;
    private AgencyId from;
    private AgencyId to;
    private Purpose purpose;
    private String legalBasis;
    private String justificationRef;
    private List<HandlingCode> handlingCodes = List.of(HandlingCode.H0);
    private SourceReliability sourceReliability = SourceReliability.X;
    private InformationAccuracy informationAccuracy = InformationAccuracy.CANNOT_JUDGE;
    private Instant createdAt;
    private Duration ttl = Duration.ofHours(24);
    private Instant expiresAt;
    private String agreementId;
    private String agreementVersion;
    private String schemaVersion = CURRENT_SCHEMA_VERSION;
    private JsonNode record;

    private Builder() {}

    public Builder messageId(UUID v) {
      messageId = v;
      return this;
    }

    public Builder conversationId(UUID v) {
      conversationId = v;
      return this;
    }

    public Builder messageType(MessageType v) {
      messageType = v;
      return this;
    }

    public Builder from(AgencyId v) {
      from = v;
      return this;
    }

    public Builder to(AgencyId v) {
      to = v;
      return this;
    }

    public Builder purpose(Purpose v) {
      purpose = v;
      return this;
    }

    public Builder legalBasis(String v) {
      legalBasis = v;
      return this;
    }

    public Builder justificationRef(String v) {
      justificationRef = v;
      return this;
    }

    public Builder handlingCodes(Set<HandlingCode> v) {
      handlingCodes = List.copyOf(v);
      return this;
    }

    public Builder sourceReliability(SourceReliability v) {
      sourceReliability = v;
      return this;
    }

    public Builder informationAccuracy(InformationAccuracy v) {
      informationAccuracy = v;
      return this;
    }

    public Builder createdAt(Instant v) {
      createdAt = v;
      return this;
    }

    /** Time to live from {@code createdAt}, used when no explicit {@code expiresAt} is set. */
    public Builder ttl(Duration v) {
      ttl = v;
      return this;
    }

    public Builder expiresAt(Instant v) {
      expiresAt = v;
      return this;
    }

    public Builder agreement(String id, String version) {
      agreementId = id;
      agreementVersion = version;
      return this;
    }

    public Builder schemaVersion(String v) {
      schemaVersion = v;
      return this;
    }

    public Builder record(JsonNode v) {
      record = v;
      return this;
    }

    public Envelope build() {
      // millisecond precision keeps the signed timestamps short and portable
      Instant created =
          (createdAt == null ? Instant.now() : createdAt).truncatedTo(ChronoUnit.MILLIS);
      Instant expires =
          expiresAt != null
              ? expiresAt.truncatedTo(ChronoUnit.MILLIS)
              : created.plus(Objects.requireNonNull(ttl, "ttl"));
      return new Envelope(
          messageId,
          conversationId == null ? messageId : conversationId,
          messageType,
          from,
          to,
          purpose,
          legalBasis,
          justificationRef,
          handlingCodes,
          sourceReliability,
          informationAccuracy,
          created,
          expires,
          agreementId,
          agreementVersion,
          schemaVersion,
          record);
    }
  }
}
