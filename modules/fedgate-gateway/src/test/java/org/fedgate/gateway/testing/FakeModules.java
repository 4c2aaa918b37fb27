package org.fedgate.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fedgate.gateway.Gateway;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.port.OfficerTokens;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.port.RecordTranslation;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Test doubles for the runtime's seams, used only to exercise routes and endpoints in this module's
 * unit tests; the end-to-end tests in fedgate-it use the real modules.
 */
public final class FakeModules {

  private FakeModules() {}

  public static Gateway.Modules create(
      AgencyId self,
      Map<AgencyId, URI> federation,
      List<AuditTrail.AuditEvent> audit,
      String jdbcUrl) {
    return new Gateway.Modules(
        new Translation(),
        new Minimisation(federation.keySet()),
        new Trust(self, federation),
        new Audit(audit, org.h2.jdbcx.JdbcConnectionPool.create(jdbcUrl, "sa", "")),
        new Officers(),
        () -> {});
  }

  static final class Translation implements RecordTranslation {
    @Override
    public Canonical toCanonical(String profile, byte[] national) {
      try {
        return new Canonical(GatewayContext.JSON.readTree(national), profile + "-fake", "0", 0);
      } catch (Exception e) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "not JSON");
      }
    }

    @Override
    public byte[] fromCanonical(String profile, JsonNode canonical) {
      return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String mediaType(String profile) {
      return "application/json";
    }
  }

  static final class Minimisation implements RecordMinimisation {
    private final Set<AgencyId> members;

    Minimisation(Set<AgencyId> members) {
      this.members = members;
    }

    @Override
    public Minimised minimise(
        AgencyId from, AgencyId to, Purpose purpose, String legalBasis, JsonNode canonical) {
      ObjectNode copy = canonical.deepCopy();
      copy.remove("secret");
      return new Minimised(copy, ref(), List.of("/case"), List.of(), List.of(), List.of("/secret"));
    }

    @Override
    public AgreementRef checkPurpose(AgencyId from, AgencyId to, Purpose purpose) {
      return ref();
    }

    @Override
    public void checkReceived(AgencyId from, AgencyId to, Purpose purpose, JsonNode received) {
      if (received.has("secret")) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "over-sharing at /secret");
      }
    }

    @Override
    public Set<AgencyId> partnersOf(AgencyId from) {
      return members;
    }

    private static AgreementRef ref() {
      return new AgreementRef("fake-agreement", "1", Set.of(HandlingCode.H2));
    }
  }

  static final class Trust implements EnvelopeTrust {
    private final AgencyId self;
    private final Map<AgencyId, URI> federation;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    Trust(AgencyId self, Map<AgencyId, URI> federation) {
      this.self = self;
      this.federation = federation;
    }

    @Override
    public Sealed seal(EnvelopeHeader header, JsonNode record) {
      ObjectNode n = GatewayContext.JSON.createObjectNode();
      n.set("header", GatewayContext.JSON.valueToTree(header));
      n.set("record", record);
      byte[] payload = n.toString().getBytes(StandardCharsets.UTF_8);
      return new Sealed(
          header.messageId(), Base64.getUrlEncoder().encodeToString(payload), sha(payload));
    }

    @Override
    public Opened open(String jws) {
      try {
        byte[] payload = Base64.getUrlDecoder().decode(jws.trim());
        JsonNode n = GatewayContext.JSON.readTree(payload);
        EnvelopeHeader h = GatewayContext.JSON.treeToValue(n.get("header"), EnvelopeHeader.class);
        return new Opened(h, n.get("record"), sha(payload));
      } catch (Exception e) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "not an envelope");
      }
    }

    @Override
    public void markSeen(Opened envelope) {
      if (!seen.add(envelope.header().messageId())) {
        throw new FedgateException(GatewayError.DUPLICATE_CONFLICT, "replay");
      }
    }

    @Override
    public String signReceipt(
        String messageId,
        AgencyId sender,
        String payloadSha256,
        Instant receivedAt,
        String rejectCode) {
      ObjectNode n = GatewayContext.JSON.createObjectNode();
      n.put("signer", self.value());
      n.put("messageId", messageId);
      n.put("sha", payloadSha256);
      n.put("at", receivedAt.toString());
      n.put("reject", rejectCode);
      return Base64.getUrlEncoder().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Receipt verifyReceipt(
        String receiptJws, AgencyId expectedSigner, String expectedMessageId, String sha) {
      try {
        JsonNode n = GatewayContext.JSON.readTree(Base64.getUrlDecoder().decode(receiptJws));
        if (!n.get("signer").asText().equals(expectedSigner.value())
            || !n.get("messageId").asText().equals(expectedMessageId)) {
          throw new FedgateException(GatewayError.RECEIPT_INVALID, "mismatch");
        }
        return new Receipt(
            expectedMessageId,
            n.get("sha").asText(),
            Instant.parse(n.get("at").asText()),
            n.get("reject").isNull() ? null : n.get("reject").asText());
      } catch (FedgateException e) {
        throw e;
      } catch (Exception e) {
        throw new FedgateException(GatewayError.RECEIPT_INVALID, "unreadable");
      }
    }

    @Override
    public Optional<AgencyId> memberOfTlsCertificate(X509Certificate certificate) {
      String dn = certificate.getSubjectX500Principal().getName();
      return federation.keySet().stream().filter(a -> dn.equals("CN=" + a.value())).findFirst();
    }

    @Override
    public URI gatewayUrl(AgencyId member) {
      return federation.get(member);
    }

    @Override
    public Set<AgencyId> members() {
      return federation.keySet();
    }

    @Override
    public Instant directoryValidUntil() {
      return Instant.now().plusSeconds(3600);
    }
  }

  static final class Audit implements AuditTrail {
    private final List<AuditEvent> events;
    private final javax.sql.DataSource dataSource;

    Audit(List<AuditEvent> events, javax.sql.DataSource dataSource) {
      this.events = events;
      this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(AuditedWork<T> work) {
      List<AuditEvent> pending = new ArrayList<>();
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        T result =
            work.run(
                c,
                e -> {
                  pending.add(e);
                  return events.size() + pending.size();
                });
        c.commit();
        events.addAll(pending);
        return result;
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public javax.sql.DataSource dataSource() {
      return dataSource;
    }

    @Override
    public long append(AuditEvent event) {
      events.add(event);
      return events.size();
    }

    @Override
    public JsonNode query(AuditQuery query) {
      return GatewayContext.JSON.valueToTree(new ArrayList<>(events));
    }

    @Override
    public JsonNode latestCheckpoint() {
      return GatewayContext.JSON.createObjectNode().put("size", events.size());
    }

    @Override
    public JsonNode proof(long sequence) {
      return GatewayContext.JSON.createObjectNode();
    }

    @Override
    public JsonNode export(Instant from, Instant to) {
      return GatewayContext.JSON.createObjectNode();
    }

    @Override
    public long verify() {
      return -1;
    }

    @Override
    public String storeUrl() {
      return "memory";
    }
  }

  /** Tokens look like {@code agency:subject:ROLE}. */
  static final class Officers implements OfficerTokens {
    @Override
    public Officer verify(String bearerToken) {
      String[] p = bearerToken.split(":");
      if (p.length != 3) {
        throw new FedgateException(GatewayError.UNAUTHENTICATED, "bad token");
      }
      return new Officer(p[0], p[1], Set.of(Role.valueOf(p[2])));
    }
  }

  static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
