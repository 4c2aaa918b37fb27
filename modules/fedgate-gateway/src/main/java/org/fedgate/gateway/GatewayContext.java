package org.fedgate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import org.fedgate.gateway.backend.NationalBackend;
import org.fedgate.gateway.backend.PartnerClient;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.port.OfficerTokens;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.port.RecordTranslation;
import org.fedgate.gateway.store.AuditedBatcher;
import org.fedgate.gateway.store.GatewayStore;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.Quarantine;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.gateway.store.Submissions;
import org.fedgate.model.AgencyId;

/**
 * Everything a route step or endpoint of one gateway needs: its configuration, the library modules
 * behind their seams, its stores, clients and meters. One per gateway instance (a demo runs three
 * in one JVM), never static.
 */
public record GatewayContext(
    GatewayConfig config,
    RecordTranslation translation,
    RecordMinimisation minimisation,
    EnvelopeTrust trust,
    AuditTrail audit,
    OfficerTokens officers,
    GatewayStore store,
    Outbox outbox,
    InboundQueue inbound,
    RecordRequests requests,
    Quarantine quarantine,
    Submissions submissions,
    AuditedBatcher batcher,
    PartnerClient partners,
    NationalBackend backend,
    GatewayMetrics metrics,
    Clock clock) {

  /** The JSON mapper for API bodies and stored documents. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public AgencyId agency() {
    return config.agency();
  }

  public String profile() {
    return config.profile();
  }
}
