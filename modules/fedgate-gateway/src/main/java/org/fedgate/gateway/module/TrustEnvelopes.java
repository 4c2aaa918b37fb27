package org.fedgate.gateway.module;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.envelope.Envelope;
import org.fedgate.model.envelope.ReceiptOutcome;
import org.fedgate.model.error.FedgateException;
import org.fedgate.trust.DirectoryDocument;
import org.fedgate.trust.DirectoryHolder;
import org.fedgate.trust.EnvelopeSealer;
import org.fedgate.trust.EnvelopeVerifier;
import org.fedgate.trust.FederationDirectory;
import org.fedgate.trust.FederationRoot;
import org.fedgate.trust.ReceiptSigner;
import org.fedgate.trust.ReceiptVerifier;
import org.fedgate.trust.ReplayGuard;
import org.fedgate.trust.SigningIdentity;
import org.fedgate.trust.VerifiedEnvelope;

/**
 * {@link EnvelopeTrust} on the trust module: envelopes and receipts sealed with this gateway's
 * signing key (loaded once), verified against the signed federation directory and its pinned root,
 * with the bounded in-memory replay guard.
 */
public final class TrustEnvelopes implements EnvelopeTrust {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(TrustEnvelopes.class);

  private final AgencyId self;
  private final DirectoryHolder directory;
  private final SigningIdentity identity;
  private final EnvelopeSealer sealer;
  private final EnvelopeVerifier verifier;
  private final ReplayGuard replay;
  private final ReceiptSigner receiptSigner;
  private final ReceiptVerifier receiptVerifier;
  private final Clock clock;
  private final java.time.Duration grace;

  public TrustEnvelopes(
      AgencyId self,
      DirectoryHolder directory,
      SigningIdentity identity,
      java.time.Duration grace,
      Clock clock) {
    this.self = self;
    this.directory = directory;
    this.identity = identity;
    this.sealer = new EnvelopeSealer(identity);
    this.replay = new ReplayGuard();
    this.verifier = new EnvelopeVerifier(directory, replay, self);
    this.receiptSigner = new ReceiptSigner(identity);
    this.receiptVerifier = new ReceiptVerifier(directory);
    this.clock = clock;
    this.grace = grace;
  }

  /** Loads the pinned root, the signed directory and the signing key named in the configuration. */
  public static TrustEnvelopes fromConfig(GatewayConfig c, Clock clock) {
    FederationRoot root = FederationRoot.fromFile(c.directory().rootCertificate());
    DirectoryHolder holder = new DirectoryHolder(root, c.directory().grace());
    holder.load(c.directory().source(), clock.instant());
    SigningIdentity id =
        SigningIdentity.load(c.signing().keystore(), c.signing().password().chars());
    return new TrustEnvelopes(c.agency(), holder, id, c.directory().grace(), clock);
  }

  /**
   * Reloads the signed directory from its source every {@code period}; a directory that does not
   * verify, or is older than the one held, is refused by the trust module and the held one stays in
   * use until it goes stale (readiness then reports DOWN). Returns the scheduler to close.
   */
  public AutoCloseable refreshEvery(java.time.Duration period, String source) {
    java.util.concurrent.ScheduledExecutorService s =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fedgate-directory-refresh");
              t.setDaemon(true);
              return t;
            });
    s.scheduleWithFixedDelay(
        () -> {
          try {
            directory.load(source, clock.instant());
          } catch (FedgateException e) {
            LOG.warn("directory refresh refused: code={}", e.code());
          } catch (RuntimeException e) {
            LOG.warn("directory refresh failed: {}", e.getClass().getName());
          }
        },
        period.toMillis(),
        period.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
    return s::shutdownNow;
  }

  public SigningIdentity identity() {
    return identity;
  }

  public DirectoryHolder directory() {
    return directory;
  }

  @Override
  public Sealed seal(EnvelopeHeader h, JsonNode record) {
    List<HandlingCode> handling =
        h.handlingCodes().isEmpty() ? List.of(HandlingCode.H0) : List.copyOf(h.handlingCodes());
    Envelope e =
        new Envelope(
            UUID.fromString(h.messageId()),
            UUID.fromString(h.conversationId()),
            h.type(),
            h.from(),
            h.to(),
            h.purpose(),
            h.legalBasis(),
            h.justificationRef(),
            handling,
            h.reliability(),
            h.accuracy(),
            h.createdAt(),
            h.expiresAt(),
            h.agreementId(),
            h.agreementVersion(),
            h.schemaVersion(),
            record);
    EnvelopeSealer.Sealed sealed = sealer.sealWithDigest(e);
    return new Sealed(h.messageId(), sealed.jws(), sealed.payloadSha256());
  }

  @Override
  public Opened open(String jws) {
    VerifiedEnvelope v = verifier.verify(jws, clock.instant());
    Envelope e = v.envelope();
    EnvelopeHeader h =
        new EnvelopeHeader(
            e.messageId().toString(),
            e.conversationId().toString(),
            e.messageType(),
            e.from(),
            e.to(),
            e.purpose(),
            e.legalBasis(),
            e.justificationRef(),
            Set.copyOf(e.handlingCodes()),
            e.sourceReliability(),
            e.informationAccuracy(),
            e.createdAt(),
            e.expiresAt(),
            e.agreementId(),
            e.agreementVersion(),
            e.schemaVersion());
    return new Opened(h, e.record(), v.payloadSha256());
  }

  @Override
  public void markSeen(Opened envelope) {
    replay.checkAndRecord(
        UUID.fromString(envelope.header().messageId()),
        envelope.header().expiresAt(),
        clock.instant());
  }

  @Override
  public void forgetSeen(Opened envelope) {
    replay.forget(UUID.fromString(envelope.header().messageId()));
  }

  @Override
  public String signReceipt(
      String messageId,
      AgencyId sender,
      String payloadSha256,
      Instant receivedAt,
      String rejectCode) {
    UUID id = UUID.fromString(messageId);
    org.fedgate.model.envelope.Receipt r =
        rejectCode == null
            ? org.fedgate.model.envelope.Receipt.accepted(
                id, self, sender, payloadSha256, receivedAt)
            : org.fedgate.model.envelope.Receipt.rejected(
                id, self, sender, payloadSha256, receivedAt, rejectCode);
    return receiptSigner.sign(r);
  }

  @Override
  public EnvelopeTrust.Receipt verifyReceipt(
      String receiptJws, AgencyId expectedSigner, String expectedMessageId, String expectedSha) {
    org.fedgate.model.envelope.Receipt r =
        receiptVerifier.verify(
            receiptJws,
            expectedSigner,
            UUID.fromString(expectedMessageId),
            expectedSha,
            clock.instant());
    return new EnvelopeTrust.Receipt(
        r.messageId().toString(),
        r.payloadSha256(),
        r.receivedAt(),
        r.outcome() == ReceiptOutcome.REJECTED ? r.errorCode() : null);
  }

  @Override
  public Optional<AgencyId> memberOfTlsCertificate(X509Certificate certificate) {
    try {
      return Optional.of(directory.current(clock.instant()).memberByTlsCertificate(certificate));
    } catch (FedgateException e) {
      return Optional.empty();
    }
  }

  @Override
  public URI gatewayUrl(AgencyId member) {
    String url = directory.current(clock.instant()).member(member).gatewayUrl();
    return URI.create(url.endsWith("/") ? url : url + "/");
  }

  @Override
  public Set<AgencyId> members() {
    return directory.current(clock.instant()).members().stream()
        .map(DirectoryDocument.Member::agency)
        .collect(Collectors.toSet());
  }

  @Override
  public Instant directoryValidUntil() {
    try {
      FederationDirectory d = directory.current(clock.instant());
      return d.document().nextUpdate().plus(grace);
    } catch (FedgateException e) {
      return Instant.EPOCH;
    }
  }
}
