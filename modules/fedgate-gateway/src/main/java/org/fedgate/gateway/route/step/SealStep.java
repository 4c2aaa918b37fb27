package org.fedgate.gateway.route.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.Ids;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.model.AgencyId;
import org.fedgate.model.InformationAccuracy;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.SourceReliability;

/**
 * Wraps the minimised record (or, for a record request, the query) in an envelope and signs it.
 * After this step the envelope is never altered.
 */
public final class SealStep extends Step {

  public SealStep(GatewayContext ctx) {
    super(ctx);
  }

  /** The grading the source gave the record (its provenance); X / 4 when it gave none. */
  static SourceReliability reliability(JsonNode record) {
    String v = record.path("provenance").path("sourceReliability").asText("X");
    try {
      return SourceReliability.valueOf(v);
    } catch (IllegalArgumentException e) {
      return SourceReliability.X;
    }
  }

  static InformationAccuracy accuracy(JsonNode record) {
    int grade = record.path("provenance").path("informationAccuracy").asInt(4);
    try {
      return InformationAccuracy.ofGrade(grade);
    } catch (IllegalArgumentException e) {
      return InformationAccuracy.CANNOT_JUDGE;
    }
  }

  @Override
  public void process(Exchange exchange) {
    AgencyId partner = required(exchange, GatewayHeaders.PARTNER, AgencyId.class);
    MessageType type = required(exchange, GatewayHeaders.MESSAGE_TYPE, MessageType.class);
    Purpose purpose = required(exchange, GatewayHeaders.PURPOSE, Purpose.class);
    RecordMinimisation.Minimised minimised =
        optional(exchange, GatewayHeaders.MINIMISED, RecordMinimisation.Minimised.class);
    JsonNode record =
        minimised != null
            ? minimised.record()
            : required(exchange, GatewayHeaders.CANONICAL, JsonNode.class);
    RecordMinimisation.AgreementRef agreement =
        minimised != null
            ? minimised.agreement()
            : type == MessageType.RECORD_REQUEST
                // a request asks the partner to release to us: their agreement towards us decides
                ? ctx.minimisation().checkPurpose(partner, ctx.agency(), purpose)
                : ctx.minimisation().checkPurpose(ctx.agency(), partner, purpose);
    Instant now = ctx.clock().instant();
    String messageId = Ids.uuidV7(now);
    String conversation = optional(exchange, GatewayHeaders.CONVERSATION_ID, String.class);
    EnvelopeHeader header =
        new EnvelopeHeader(
            messageId,
            conversation == null ? messageId : conversation,
            type,
            ctx.agency(),
            partner,
            purpose,
            required(exchange, GatewayHeaders.LEGAL_BASIS, String.class),
            required(exchange, GatewayHeaders.JUSTIFICATION, String.class),
            agreement.handlingCodes(),
            reliability(record),
            accuracy(record),
            now,
            now.plus(ctx.config().delivery().envelopeTtl()),
            agreement.id(),
            agreement.version(),
            "acr-1.0");
    EnvelopeTrust.Sealed sealed =
        ctx.metrics().time(GatewayMetrics.Step.SIGN, () -> ctx.trust().seal(header, record));
    exchange.getIn().setHeader(GatewayHeaders.SEALED, sealed);
    exchange.getIn().setHeader(GatewayHeaders.MESSAGE_ID, sealed.messageId());
    exchange.getIn().setHeader(GatewayHeaders.EXPIRES_AT, header.expiresAt());
    exchange.getIn().setHeader(GatewayHeaders.CONVERSATION_ID, header.conversationId());
  }
}
