package org.fedgate.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.envelope.Envelope;
import org.fedgate.model.envelope.EnvelopeJson;
import org.fedgate.trust.CertificateVerifier;
import org.fedgate.trust.DevPki;
import org.fedgate.trust.DirectoryHolder;
import org.fedgate.trust.EnvelopeSealer;
import org.fedgate.trust.EnvelopeVerifier;
import org.fedgate.trust.JwsAlgorithm;
import org.fedgate.trust.ReplayGuard;
import org.fedgate.trust.SigningIdentity;
import org.fedgate.trust.VerifiedEnvelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Envelope seal and open throughput for a 4 KiB canonical record, per thread (run with {@code -t 1}
 * for per-core figures). {@code open} runs every check except the replay store insert (a concurrent
 * map put), since reopening one envelope is, correctly, a replay.
 *
 * <pre>modules/fedgate-bench/bench jmh EnvelopeBenchmark -f 1 -wi 3 -w 5s -i 5 -r 5s -t 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

  private static final AgencyId TH = AgencyId.of("TH-CCIB");
  private static final AgencyId KH = AgencyId.of("KH-AHTJP");

  @Param({"ES256", "EdDSA"})
  public String algorithm;

  private Path dir;
  private Envelope envelope;
  private EnvelopeSealer sealer;
  private EnvelopeVerifier verifier;
  private String sealed;
  private Instant now;
  private SigningIdentity identity;
  private CertificateVerifier rawVerifier;
  private byte[] message4KiB;
  private byte[] rawSignature;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("fedgate-bench-pki");
    now = Instant.now();
    DevPki.Result pki =
        DevPki.generate(
            dir,
            DevPki.Options.defaults()
                .withAlgorithm(JwsAlgorithm.fromJose(algorithm).orElseThrow())
                .withNow(now.minusSeconds(3600)));
    DirectoryHolder holder = new DirectoryHolder(pki.federationRoot());
    holder.load(pki.directoryJws().toString(), now);
    identity = pki.signing(TH);
    sealer = new EnvelopeSealer(identity);
    rawVerifier = CertificateVerifier.of(identity.certificate());
    verifier = new EnvelopeVerifier(holder, new ReplayGuard(), KH);
    envelope =
        Envelope.builder()
            .from(TH)
            .to(KH)
            .purpose(Purpose.INVESTIGATION)
            .legalBasis("Bilateral MoU art. 4 (benchmark)")
            .createdAt(now)
            .agreement("AGR-TH-KH-001", "2.1")
            .record(record4KiB())
            .build();
    sealed = sealer.seal(envelope);
    message4KiB = EnvelopeJson.mapper().writeValueAsBytes(envelope);
    rawSignature = identity.sign(message4KiB);
  }

  /** A fictional canonical record of about 4 KiB of JSON. */
  static ObjectNode record4KiB() throws IOException {
    ObjectNode r = EnvelopeJson.mapper().createObjectNode();
    r.put("acrVersion", "1.0");
    r.put("recordId", "REC-BENCH-0001");
    ArrayNode persons = r.putArray("persons");
    int i = 0;
    while (EnvelopeJson.mapper().writeValueAsBytes(r).length < 4096) {
      ObjectNode p = persons.addObject();
      p.put("personId", "P-" + i);
      p.put("role", i % 2 == 0 ? "VICTIM" : "SUSPECT");
      p.putObject("names").put("full", "Fictional Person Number " + i);
      p.put("birthYear", 1990 + i % 20);
      p.put("nationality", "KH");
      p.put("note", "benchmark filler text for a realistic record size " + i);
      i++;
    }
    return r;
  }

  @Benchmark
  public String seal() {
    return sealer.seal(envelope);
  }

  @Benchmark
  public VerifiedEnvelope open() {
    return verifier.verify(sealed, now);
  }

  /** Baseline: the bare Bouncy Castle signature over the same bytes (same key, same load). */
  @Benchmark
  public byte[] rawSign() {
    return identity.sign(message4KiB);
  }

  /** Baseline: the bare Bouncy Castle verification. */
  @Benchmark
  public boolean rawVerify() {
    return rawVerifier.verify(message4KiB, rawSignature);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    TempDirs.deleteTree(dir);
  }
}
