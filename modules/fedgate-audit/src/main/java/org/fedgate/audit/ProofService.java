package org.fedgate.audit;

import java.util.List;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * Inclusion and consistency proofs (RFC 9162) from the in-memory tree; no database I/O once the
 * tree has caught up with the store.
 */
public final class ProofService {
  private final LogTree tree;

  ProofService(LogTree tree) {
    this.tree = tree;
  }

  /** A proof service over a store on its own (for export tools): loads every leaf hash once. */
  public static ProofService forStore(AuditStore store) {
    LogTree t = new LogTree(store);
    t.sync();
    return new ProofService(t);
  }

  /** The number of leaves known to this service (after catching up with the store). */
  public long treeSize() {
    return tree.sync();
  }

  public String rootHash(long treeSize) {
    ensure(treeSize);
    return Hex.encode(tree.tree().rootHash(treeSize));
  }

  public String leafHash(long sequence) {
    ensure(sequence + 1);
    return Hex.encode(tree.tree().leafHash(sequence));
  }

  /** The audit path of entry {@code sequence} in the tree of {@code treeSize} entries. */
  public InclusionProof inclusionProof(long sequence, long treeSize) {
    if (sequence < 0 || sequence >= treeSize) {
      throw new FedgateException(AuditError.UNKNOWN_SEQUENCE, "sequence outside tree size");
    }
    ensure(treeSize);
    return new InclusionProof(
        sequence, treeSize, hex(tree.tree().inclusionProof(sequence, treeSize)));
  }

  /** Proof that the tree of {@code firstSize} is a prefix of the tree of {@code secondSize}. */
  public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
    if (firstSize < 0 || firstSize > secondSize) {
      throw new FedgateException(AuditError.UNKNOWN_SEQUENCE, "first size outside second");
    }
    ensure(secondSize);
    return new ConsistencyProof(
        firstSize, secondSize, hex(tree.tree().consistencyProof(firstSize, secondSize)));
  }

  private void ensure(long size) {
    if (size < 0) {
      throw new FedgateException(AuditError.UNKNOWN_SEQUENCE, "negative size");
    }
    if (size > tree.size() && size > tree.sync()) {
      throw new FedgateException(AuditError.UNKNOWN_SEQUENCE, "size beyond the log: " + size);
    }
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(Hex::encode).toList();
  }
}
