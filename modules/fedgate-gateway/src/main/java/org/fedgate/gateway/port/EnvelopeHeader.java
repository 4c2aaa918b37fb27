package org.fedgate.gateway.port;

import java.time.Instant;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.InformationAccuracy;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.SourceReliability;

/** The envelope fields around the record (no personal data). */
public record EnvelopeHeader(
    String messageId,
    String conversationId,
    MessageType type,
    AgencyId from,
    AgencyId to,
    Purpose purpose,
    String legalBasis,
    String justificationRef,
    Set<HandlingCode> handlingCodes,
    SourceReliability reliability,
    InformationAccuracy accuracy,
    Instant createdAt,
    Instant expiresAt,
    String agreementId,
    String agreementVersion,
    String schemaVersion) {

  public EnvelopeHeader {
    handlingCodes = handlingCodes == null ? Set.of() : Set.copyOf(handlingCodes);
  }
}
