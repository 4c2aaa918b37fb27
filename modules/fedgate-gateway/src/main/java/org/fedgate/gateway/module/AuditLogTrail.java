package org.fedgate.gateway.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.fedgate.audit.AuditFilter;
import org.fedgate.audit.AuditLog;
import org.fedgate.audit.BundleExporter;
import org.fedgate.audit.EntryJson;
import org.fedgate.audit.InclusionProof;
import org.fedgate.audit.LoggedEntry;
import org.fedgate.audit.Page;
import org.fedgate.audit.SignedCheckpoint;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.audit.verify.VerificationReport;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Actor;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.audit.FieldDisposition;
import org.fedgate.model.audit.Outcome;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * {@link AuditTrail} on the audit module's {@link AuditLog}. Payload digests travel as base64url in
 * envelopes and receipts; the audit trail records them as lowercase hex of the same bytes, on both
 * sides, so that sender and receiver name the same digest.
 */
public final class AuditLogTrail implements AuditTrail {

  private final AuditLog log;
  private final String storeUrl;
  private final X509Certificate signer;

  public AuditLogTrail(AuditLog log, String storeUrl, byte[] signerCertificateDer) {
    this.log = log;
    this.storeUrl = storeUrl;
    try {
      this.signer =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new java.io.ByteArrayInputStream(signerCertificateDer));
    } catch (Exception e) {
      throw new IllegalStateException("checkpoint certificate unreadable", e);
    }
  }

  public AuditLog log() {
    return log;
  }

  @Override
  public long append(AuditEvent event) {
    return log.append(entry(event));
  }

  @Override
  public <T> T inTransaction(AuditedWork<T> work) {
    return log.inTransaction((tx, appender) -> work.run(tx, e -> appender.append(entry(e))));
  }

  @Override
  public DataSource dataSource() {
    return log.dataSource();
  }

  @Override
  public JsonNode query(AuditQuery q) {
    AuditFilter f = AuditFilter.ALL.withTime(q.from(), q.to());
    try {
      if (q.counterpart() != null) f = f.withCounterpart(AgencyId.of(q.counterpart()));
      if (q.officer() != null) f = f.withOfficer(q.officer());
      if (q.purpose() != null) f = f.withPurpose(Purpose.valueOf(q.purpose()));
      if (q.operation() != null)
        f = f.withOperation(org.fedgate.model.audit.Operation.valueOf(q.operation()));
      if (q.outcome() != null) f = f.withOutcome(Outcome.valueOf(q.outcome()));
    } catch (IllegalArgumentException e) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "unknown filter value");
    }
    if (q.messageId() != null) f = f.withMessageId(q.messageId());
    if (q.conversationId() != null) f = f.withConversationId(q.conversationId());
    Page page = log.query().find(f, q.afterSequence(), q.limit());
    ObjectNode out = GatewayContext.JSON.createObjectNode();
    ArrayNode entries = out.putArray("entries");
    for (LoggedEntry e : page.entries()) {
      entries.add(EntryJson.toJson(e.entry(), e.sequence()));
    }
    page.nextAfter().ifPresent(n -> out.put("nextAfter", n));
    return out;
  }

  @Override
  public JsonNode latestCheckpoint() {
    SignedCheckpoint cp =
        log.checkpoints().latest().orElseGet(() -> log.checkpoints().checkpointNow());
    return GatewayContext.JSON.valueToTree(cp);
  }

  @Override
  public JsonNode proof(long sequence) {
    LoggedEntry e =
        log.query()
            .get(sequence)
            .orElseThrow(() -> new FedgateException(GatewayError.NOT_FOUND, "no such entry"));
    SignedCheckpoint cp = log.checkpoints().checkpointNow();
    InclusionProof p = log.proofs().inclusionProof(sequence, cp.checkpoint().treeSize());
    ObjectNode out = GatewayContext.JSON.createObjectNode();
    out.set("entry", EntryJson.toJson(e.entry(), e.sequence()));
    out.put("leafHash", e.leafHash());
    out.set("proof", GatewayContext.JSON.valueToTree(p));
    out.set("checkpoint", GatewayContext.JSON.valueToTree(cp));
    return out;
  }

  @Override
  public JsonNode consistency(long firstSize, long secondSize) {
    long size = log.proofs().treeSize();
    if (firstSize < 1 || secondSize < firstSize || secondSize > size) {
      throw new FedgateException(
          GatewayError.REQUEST_INVALID, "sizes must satisfy 1 <= first <= second <= " + size);
    }
    ObjectNode out = GatewayContext.JSON.createObjectNode();
    out.put("firstSize", firstSize);
    out.put("firstRoot", log.proofs().rootHash(firstSize));
    out.put("secondSize", secondSize);
    out.put("secondRoot", log.proofs().rootHash(secondSize));
    out.set(
        "proof",
        GatewayContext.JSON.valueToTree(log.proofs().consistencyProof(firstSize, secondSize)));
    return out;
  }

  @Override
  public JsonNode export(Instant from, Instant to) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BundleExporter(log).export(from, to, out);
      return GatewayContext.JSON.readTree(out.toByteArray());
    } catch (java.io.IOException e) {
      throw new FedgateException(GatewayError.INTERNAL, "export failed");
    }
  }

  @Override
  public long verify() {
    VerificationReport r = AuditVerifier.verify(log.store(), signer);
    return r.ok() ? -1 : r.firstBadSequence().orElse(0);
  }

  @Override
  public String storeUrl() {
    return storeUrl;
  }

  /** Maps the gateway's event to the audit module's entry (metadata only, validated there). */
  static AuditEntry entry(AuditEvent e) {
    AgencyId agency = AgencyId.of(e.actorAgency());
    Actor actor =
        e.officerId() == null && (e.role() == null || "GATEWAY".equals(e.role()))
            ? Actor.system(agency)
            : Actor.officer(agency, e.officerId(), e.role());
    Outcome outcome =
        e.errorCode() == null
            ? Outcome.SUCCESS
            : "REJECTED".equals(e.outcome()) ? Outcome.REJECTED : Outcome.FAILED;
    AuditEntry.Builder b =
        AuditEntry.builder(operation(e.operation()), actor, outcome)
            .timestamp(e.timestamp())
            .legalBasis(e.legalBasis())
            .justificationRef(e.justificationRef())
            .messageId(e.messageId())
            .conversationId(e.conversationId())
            .payloadDigest(hex(e.payloadSha256()))
            .profileVersion(e.profileVersion())
            .mappingVersion(e.mappingVersion())
            .errorCode(e.errorCode());
    if (e.counterpart() != null) {
      b.counterpart(AgencyId.of(e.counterpart()));
      b.recipients(List.of(AgencyId.of(e.counterpart())));
    }
    if (e.purpose() != null) {
      b.purpose(Purpose.valueOf(e.purpose()));
    }
    if (e.agreementId() != null && e.agreementVersion() != null) {
      b.agreement(e.agreementId(), e.agreementVersion());
    }
    b.fields(new FieldDisposition(e.released(), e.generalised(), e.pseudonymised(), e.withheld()));
    return b.build();
  }

  static org.fedgate.model.audit.Operation operation(AuditTrail.Operation op) {
    return switch (op) {
      case DISCLOSURE -> org.fedgate.model.audit.Operation.DISCLOSURE;
      case REQUEST -> org.fedgate.model.audit.Operation.REQUEST;
      case RESPONSE -> org.fedgate.model.audit.Operation.RESPONSE;
      case QUARANTINE -> org.fedgate.model.audit.Operation.QUARANTINE;
      case DELIVERY -> org.fedgate.model.audit.Operation.DELIVERY;
      case DELIVERY_FAILED -> org.fedgate.model.audit.Operation.DELIVERY_FAILED;
      case COLLECTION -> org.fedgate.model.audit.Operation.COLLECTION;
      case REJECTION -> org.fedgate.model.audit.Operation.REJECTION;
      case BACKEND_DELIVERY -> org.fedgate.model.audit.Operation.NATIONAL_DELIVERY;
      case CONSULTATION -> org.fedgate.model.audit.Operation.CONSULTATION;
      case AUDIT_ACCESS -> org.fedgate.model.audit.Operation.AUDIT_ACCESS;
      case ERASURE -> org.fedgate.model.audit.Operation.ERASURE;
    };
  }

  /** base64url (as receipts carry it) to lowercase hex (as the audit schema wants it). */
  static String hex(String base64url) {
    if (base64url == null) {
      return null;
    }
    return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(base64url));
  }
}
