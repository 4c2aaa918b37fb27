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
    OptionalLong firstBadSequence,
    AuditError error,
    String reason) {

  static VerificationReport success(long entries, int checkpoints) {
    return new VerificationReport(true, entries, checkpoints, OptionalLong.empty(), null, "ok");
  }

  static VerificationReport failure(
      long entries, int checkpoints, long firstBad, AuditError error, String reason) {
    return new VerificationReport(
        false,
        entries,
        checkpoints,
        firstBad < 0 ? OptionalLong.empty() : OptionalLong.of(firstBad),
        error,
        reason);
  }
}
