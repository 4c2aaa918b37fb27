package org.fedgate.trust;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.fedgate.model.AgencyId;
import org.fedgate.model.envelope.Envelope;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Opens inbound envelopes. Order of checks (each failure its own {@code FG-2xxx}): JSON and JWS
 * structure, algorithm, header, x5c bounds, chain to the federation root, algorithm/key match,
 * validity now, revocation, key usage, kid listed in the directory, signature; then (only on a
 * verified payload) the envelope schema, validity at createdAt, signer is {@code from}, recipient,
 * time window, expiry, and last the replay store. Thread-safe.
 */
public final class EnvelopeVerifier {

  /** Longest envelope lifetime accepted; it bounds how long the replay store must remember. */
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(7);

  private final DirectoryHolder directory;
  private final ReplayGuard replay;
  private final AgencyId self;
  private final Duration maxLifetime;
  private final SignatureChecker checker;

  /**
   * @param self this gateway's agency: envelopes addressed elsewhere are refused; null accepts any
   *     member recipient (operator tools)
   */
  public EnvelopeVerifier(
      DirectoryHolder directory, ReplayGuard replay, AgencyId self, Duration maxLifetime) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.replay = Objects.requireNonNull(replay, "replay");
    this.self = self;
    this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
    this.checker = new SignatureChecker(directory.root(), EnvelopeSealer.TYP);
  }

  public EnvelopeVerifier(DirectoryHolder directory, ReplayGuard replay, AgencyId self) {
    this(directory, replay, self, DEFAULT_MAX_LIFETIME);
  }

  /** Verifies the envelope fully and records its message id against replays. */
  public VerifiedEnvelope open(String jws, Instant now) {
    return open(jws, now, null);
  }

  /**
   * Like {@link #open(String, Instant)}, and refuses ({@link TrustError#SENDER_NOT_SIGNER}) an
   * envelope whose sender is not the mutual-TLS peer (from {@link
   * FederationDirectory#memberByTlsCertificate}); the replay store is only touched on success.
   */
  public VerifiedEnvelope open(String jws, Instant now, AgencyId tlsPeer) {
    VerifiedEnvelope v = verify(jws, now);
    Envelope e = v.envelope();
    if (tlsPeer != null && !tlsPeer.equals(e.from())) {
      throw new FedgateException(
          TrustError.SENDER_NOT_SIGNER, "TLS peer " + tlsPeer + " is not sender " + e.from());
    }
    replay.checkAndRecord(e.messageId(), e.expiresAt(), now);
    return v;
  }

  /** Every check of {@link #open} except the replay store (for tools and re-verification). */
  public VerifiedEnvelope verify(String jws, Instant now) {
    Jws.Flattened f = Jws.parseFlattened(jws);
    Jws.Header h = checker.header(f.protectedB64());
    FederationDirectory dir = directory.current(now);
    SignatureChecker.Signer signer =
        checker.verify(h, f.protectedB64(), f.payloadB64(), f.signatureB64(), dir, now);

    byte[] payload = Jws.b64url(f.payloadB64(), "payload");
    Envelope e = parseEnvelope(payload);
    root().requireValidAt(h.x5c(), e.createdAt(), "at createdAt");
    if (!signer.agency().equals(e.from())) {
      throw new FedgateException(
          TrustError.SENDER_NOT_SIGNER, "signer " + signer.agency() + " from " + e.from());
    }
    if (self != null && !self.equals(e.to())) {
      throw new FedgateException(TrustError.RECIPIENT_MISMATCH, "to " + e.to());
    }
    dir.member(e.to());
    Duration skew = replay.skew();
    if (e.createdAt().isAfter(now.plus(skew))) {
      throw new FedgateException(TrustError.OUTSIDE_TIME_WINDOW, "createdAt in the future");
    }
    if (Duration.between(e.createdAt(), e.expiresAt()).compareTo(maxLifetime) > 0) {
      throw new FedgateException(TrustError.OUTSIDE_TIME_WINDOW, "lifetime beyond " + maxLifetime);
    }
    if (e.expiresAt().plus(skew).isBefore(now)) {
      throw new FedgateException(TrustError.ENVELOPE_EXPIRED, "message " + e.messageId());
    }
    return new VerifiedEnvelope(
        e,
        signer.agency(),
        signer.keyId(),
        signer.certificate(),
        Certificates.sha256Base64Url(payload));
  }

  private FederationRoot root() {
    return directory.root();
  }

  private static Envelope parseEnvelope(byte[] payload) {
    try {
      Envelope e = Jws.JSON.readValue(payload, Envelope.class);
      if (e == null) {
        throw new FedgateException(TrustError.PAYLOAD_INVALID, "payload is null");
      }
      return e;
    } catch (IOException | IllegalArgumentException e) {
      // Jackson's message may quote input values: keep only the JSON path
      throw new FedgateException(TrustError.PAYLOAD_INVALID, pathOf(e));
    }
  }

  static String pathOf(Exception e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jme) {
      List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path = jme.getPath();
      StringBuilder sb = new StringBuilder("at /");
      for (var ref : path) {
        if (ref.getFieldName() != null) {
          sb.append(Jws.safeName(ref.getFieldName())).append('/');
        } else if (ref.getIndex() >= 0) {
          sb.append(ref.getIndex()).append('/');
        }
      }
      return sb.toString();
    }
    return "not a valid envelope";
  }

  /**
   * The message id of an envelope that failed verification, read WITHOUT verification: only to
   * address a REJECTED receipt. Never use it for anything else.
   */
  public static Optional<UUID> unverifiedMessageId(String jws) {
    try {
      Jws.Flattened f = Jws.parseFlattened(jws);
      JsonNode n = Jws.JSON.readTree(Jws.b64url(f.payloadB64(), "payload"));
      return Optional.of(UUID.fromString(n.get("messageId").textValue()));
    } catch (RuntimeException | IOException e) {
      return Optional.empty();
    }
  }
}
