package org.fedgate.audit.verify;

import java.util.OptionalLong;
import org.fedgate.model.error.AuditError;

/**
 * The outcome of verifying a whole store. On failure {@code firstBadSequence} names the first
 * sequence number that cannot be trusted (when the evidence allows: a checkpoint whose root does
 * not match means some entry from the previous checkpoint's size on was altered), {@code error} the
 * FG code and {@code reason} a fixed description without entry content.
 */
public record VerificationReport(
    boolean ok,
    long entriesChecked,
    int checkpointsChecked,
    long lastCheckpointSize,
    OptionalLong firstBadSequence,
    AuditError error,
    String reason) {

  /** Entries after the last checkpoint are intact but not yet covered by a signature. */
  public long entriesAfterLastCheckpoint() {
    return entriesChecked - lastCheckpointSize;
  }

  static VerificationReport success(long entries, int checkpoints, long lastCheckpointSize) {
    return new VerificationReport(
        true, entries, checkpoints, lastCheckpointSize, OptionalLong.empty(), null, "ok");
  }

  static VerificationReport failure(
      long entries,
      int checkpoints,
      long lastCheckpointSize,
      long firstBad,
      AuditError error,
      String reason) {
    return new VerificationReport(
        false,
        entries,
        checkpoints,
        lastCheckpointSize,
        firstBad < 0 ? OptionalLong.empty() : OptionalLong.of(firstBad),
        error,
        reason);
  }
}
