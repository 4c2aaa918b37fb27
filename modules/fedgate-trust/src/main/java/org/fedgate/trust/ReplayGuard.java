package org.fedgate.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Remembers message ids until their envelope has expired (plus the clock-skew window), so that a
 * replayed envelope is refused for as long as it could otherwise be accepted. Bounded: when full of
 * unexpired ids it refuses new messages ({@link TrustError#REPLAY_STORE_FULL}) rather than forget
 * one, because forgetting would open a replay. Thread-safe; in memory (one gateway process).
 */
public final class ReplayGuard {

  /** Default clock-skew window. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(10);

  /** Default capacity (message ids held at once). */
  public static final int DEFAULT_CAPACITY = 500_000;

  private final int capacity;
  private final Duration skew;
  private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();

  public ReplayGuard(int capacity, Duration skew) {
    if (capacity < 1 || skew.isNegative()) {
      throw new IllegalArgumentException("capacity must be positive and skew not negative");
    }
    this.capacity = capacity;
    this.skew = skew;
  }

  public ReplayGuard() {
    this(DEFAULT_CAPACITY, DEFAULT_SKEW);
  }

  public Duration skew() {
    return skew;
  }

  /**
   * Records {@code messageId} or refuses it as a replay.
   *
   * @param expiresAt the envelope's expiry; the id is kept until {@code expiresAt + skew}
   */
  public void checkAndRecord(UUID messageId, Instant expiresAt, Instant now) {
    if (seen.size() >= capacity) {
      evictExpired(now);
      if (seen.size() >= capacity) {
        throw new FedgateException(TrustError.REPLAY_STORE_FULL, "capacity " + capacity);
      }
    }
    Instant keepUntil = expiresAt.plus(skew);
    Instant previous = seen.putIfAbsent(messageId, keepUntil);
    if (previous != null) {
      throw new FedgateException(TrustError.REPLAY, "message " + messageId);
    }
  }

  /**
   * Forgets {@code messageId}, so that the sender's retry is processed: for an envelope whose
   * processing failed for a passing reason (store unavailable) after it was recorded here.
   */
  public void forget(UUID messageId) {
    seen.remove(messageId);
  }

  /** Whether the id is currently remembered. */
  public boolean contains(UUID messageId) {
    return seen.containsKey(messageId);
  }

  /** Drops ids whose envelopes can no longer be accepted anyway. */
  public void evictExpired(Instant now) {
    seen.values().removeIf(keepUntil -> keepUntil.isBefore(now));
  }

  public int size() {
    return seen.size();
  }
}
