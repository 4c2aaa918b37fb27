package org.fedgate.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AuditLog} runs: the log's origin (its name in checkpoints, e.g. {@code
 * fedgate.th-ccib/audit}), how often checkpoints are signed (every {@code checkpointEvery} entries
 * or {@code checkpointInterval}, whichever comes first) and the largest group commit.
 */
public record AuditLogConfig(
    String origin, long checkpointEvery, Duration checkpointInterval, int maxBatch) {

  public static final long DEFAULT_CHECKPOINT_EVERY = 1_000;
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_MAX_BATCH = 2_000;

  public AuditLogConfig {
    Objects.requireNonNull(origin, "origin");
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery must be positive");
    }
    if (checkpointInterval == null
        || checkpointInterval.isNegative()
        || checkpointInterval.isZero()) {
      throw new IllegalArgumentException("checkpointInterval must be positive");
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive");
    }
  }

  /** The defaults: a checkpoint every 1,000 entries or every second, batches up to 2,000. */
  public static AuditLogConfig defaults(String origin) {
    return new AuditLogConfig(
        origin, DEFAULT_CHECKPOINT_EVERY, DEFAULT_CHECKPOINT_INTERVAL, DEFAULT_MAX_BATCH);
  }

  public AuditLogConfig withCheckpointEvery(long entries, Duration interval) {
    return new AuditLogConfig(origin, entries, interval, maxBatch);
  }
}
