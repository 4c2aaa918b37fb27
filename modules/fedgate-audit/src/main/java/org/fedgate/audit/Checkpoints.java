package org.fedgate.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.StoredCheckpoint;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.spi.CheckpointSigner;

/** Signed tree heads: made on a schedule by the log, on demand here, and read back. */
public final class Checkpoints {
  private final AuditStore store;
  private final LogTree tree;
  private final CheckpointSigner signer;
  private final String origin;
  private final Clock clock;
  private volatile long lastSize = -1;

  Checkpoints(AuditStore store, LogTree tree, CheckpointSigner signer, String origin, Clock clock) {
    this.store = store;
    this.tree = tree;
    this.signer = signer;
    this.origin = origin;
    this.clock = clock;
  }

  /** Checkpoints stored for sizes without a signer (read-only use). */
  public static Checkpoints readOnly(AuditStore store) {
    return new Checkpoints(store, new LogTree(store), null, "read-only", Clock.systemUTC());
  }

  /**
   * Signs and stores a checkpoint over everything committed so far, or returns the latest one if
   * nothing was committed since.
   */
  public synchronized SignedCheckpoint checkpointNow() {
    if (signer == null) {
      throw new FedgateException(AuditError.SIGNING_FAILED, "no checkpoint signer configured");
    }
    long size = tree.sync();
    Optional<StoredCheckpoint> latest = store.latestCheckpoint();
    if (latest.isPresent() && latest.get().treeSize() >= size) {
      lastSize = latest.get().treeSize();
      return toSigned(latest.get());
    }
    Checkpoint cp =
        new Checkpoint(origin, size, Hex.encode(tree.tree().rootHash(size)), clock.instant());
    byte[] signature;
    try {
      signature = signer.sign(cp.signedMessage());
    } catch (FedgateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new FedgateException(AuditError.SIGNING_FAILED, signer.algorithm(), e);
    }
    SignedCheckpoint signed =
        new SignedCheckpoint(
            cp, signer.algorithm(), signer.keyId(), SignedCheckpoint.encode(signature));
    store.insertCheckpoint(toStored(signed), signer.certificateDer());
    lastSize = size;
    return signed;
  }

  /** The size of the last checkpoint this process made or saw, -1 if none yet. */
  long lastSize() {
    return lastSize;
  }

  public Optional<SignedCheckpoint> latest() {
    return store.latestCheckpoint().map(Checkpoints::toSigned);
  }

  /** Checkpoints with tree sizes in [fromSize, toSize]. */
  public List<SignedCheckpoint> between(long fromSize, long toSize) {
    return store.checkpoints(fromSize, toSize).stream().map(Checkpoints::toSigned).toList();
  }

  static SignedCheckpoint toSigned(StoredCheckpoint s) {
    return new SignedCheckpoint(
        new Checkpoint(s.origin(), s.treeSize(), s.rootHash(), s.timestamp()),
        s.algorithm(),
        s.keyId(),
        s.signature());
  }

  static StoredCheckpoint toStored(SignedCheckpoint s) {
    Checkpoint c = s.checkpoint();
    return new StoredCheckpoint(
        c.treeSize(),
        c.origin(),
        c.rootHash(),
        c.timestamp(),
        s.algorithm(),
        s.keyId(),
        s.signature());
  }
}
