package org.fedgate.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.envelope.Envelope;

/** A fresh development federation in a temporary folder, shared by a test class. */
final class TestFederation {

  static final AgencyId TH = AgencyId.of("TH-CCIB");
  static final AgencyId KH = AgencyId.of("KH-AHTJP");
  static final AgencyId ID = AgencyId.of("ID-BARESKRIM");
  static final AgencyId REVOKED = AgencyId.of(DevPki.REVOKED_MEMBER);

  final DevPki.Result pki;
  final Instant now;
  final DirectoryHolder holder;

  private TestFederation(DevPki.Result pki, Instant now) {
    this.pki = pki;
    this.now = now;
    this.holder = new DirectoryHolder(pki.federationRoot());
    holder.load(pki.directoryJws().toString(), now);
  }

  static TestFederation create(Path dir, JwsAlgorithm alg) throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new TestFederation(
        DevPki.generate(
            dir,
            DevPki.Options.defaults().withAlgorithm(alg).withNow(now.minus(Duration.ofDays(1)))),
        now);
  }

  SigningIdentity signing(AgencyId a) {
    return pki.signing(a);
  }

  EnvelopeVerifier verifier(AgencyId self) {
    return new EnvelopeVerifier(holder, new ReplayGuard(), self);
  }

  /** A fictional, minimal canonical record. */
  static JsonNode record() {
    ObjectNode r = Jws.JSON.createObjectNode();
    r.put("caseId", "CASE-TEST-0001");
    r.putArray("persons")
        .addObject()
        .put("role", "VICTIM")
        .putObject("names")
        .put("full", "Test Person Alpha");
    return r;
  }

  Envelope.Builder envelope(AgencyId from, AgencyId to) {
    return Envelope.builder()
        .from(from)
        .to(to)
        .purpose(Purpose.INVESTIGATION)
        .legalBasis("Bilateral MoU art. 4 (test)")
        .createdAt(now)
        .agreement("AGR-TH-KH-001", "2.1")
        .record(record());
  }
}
