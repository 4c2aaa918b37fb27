package org.fedgate.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fedgate.audit.verify.CheckpointSignatures;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Actor;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.audit.FieldDisposition;
import org.fedgate.model.audit.Operation;
import org.fedgate.model.audit.Outcome;

/** Fictional entries and the test-only keys under src/test/resources/keys. */
public final class TestSupport {
  public static final AgencyId TH = AgencyId.of("TH-CCIB");
  public static final AgencyId KH = AgencyId.of("KH-AHTJP");
  public static final AgencyId ID = AgencyId.of("ID-BARESKRIM");
  public static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  private TestSupport() {}

  public static JcaCheckpointSigner es256() {
    return JcaCheckpointSigner.fromPkcs12(resource("keys/audit-es256.p12"), pw(), "audit");
  }

  public static JcaCheckpointSigner ed25519() {
    return JcaCheckpointSigner.fromPkcs12(resource("keys/audit-ed25519.p12"), pw(), "audit");
  }

  public static JcaCheckpointSigner other() {
    return JcaCheckpointSigner.fromPkcs12(resource("keys/other-es256.p12"), pw(), "other");
  }

  public static X509Certificate certOf(JcaCheckpointSigner s) {
    return CheckpointSignatures.readCertificate(s.certificateDer());
  }

  public static byte[] bytes(String name) {
    try (InputStream in = TestSupport.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path resource(String name) {
    try {
      return Path.of(TestSupport.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static char[] pw() {
    return "changeit".toCharArray();
  }

  /** Config with automatic checkpoints effectively off, so tests decide when to checkpoint. */
  public static AuditLogConfig manualCheckpoints() {
    return new AuditLogConfig("fedgate.th-ccib/audit", 1_000_000, Duration.ofHours(1), 500);
  }

  /** A disclosure entry number i: alternating counterparts, officers, purposes and outcomes. */
  public static AuditEntry entry(int i) {
    boolean ok = i % 3 != 2;
    return AuditEntry.builder(
            i % 2 == 0 ? Operation.DISCLOSURE : Operation.COLLECTION,
            Actor.officer(TH, "officer-" + (i % 4), "LIAISON_OFFICER"),
            ok ? Outcome.SUCCESS : Outcome.REJECTED)
        .timestamp(T0.plusSeconds(i))
        .counterpart(i % 2 == 0 ? KH : ID)
        .recipients(List.of(i % 2 == 0 ? KH : ID))
        .purpose(i % 5 == 0 ? Purpose.VICTIM_IDENTIFICATION : Purpose.INVESTIGATION)
        .legalBasis("ASEAN-MLAT-2004/Art.1")
        .justificationRef("CASE-2026-" + (1000 + i))
        .messageId("msg-" + i)
        .conversationId("conv-" + (i / 3))
        .payloadDigest(String.format("%064x", i))
        .agreement("AGR-TH-KH-2026", "1.2.0")
        .profileVersion("th-ccib@1.0.0")
        .mappingVersion("th-ccib-map@1.0.3")
        .fields(
            new FieldDisposition(
                List.of("/case/id", "/persons/*/role"),
                List.of("/persons/*/birthDate"),
                List.of("/persons/*/identifiers/*/value"),
                List.of("/persons/*/names/*/full")))
        .errorCode(ok ? null : "FG-3001")
        .build();
  }
}
