package org.fedgate.audit;

import org.fedgate.audit.merkle.MerkleTree;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * The in-memory Merkle tree of a store, kept in step with what is committed there (also by other
 * processes sharing a PostgreSQL database). Leaves are appended strictly in sequence order.
 */
final class LogTree {
  private final AuditStore store;
  private final MerkleTree tree;

  LogTree(AuditStore store) {
    this.store = store;
    // levels from 8 up (a quarter of a byte per entry); proofs read at most a block of 256 leaf
    // hashes (8 KiB) from the store
    this.tree = new MerkleTree(8, store::leafHashes);
  }

  MerkleTree tree() {
    return tree;
  }

  long size() {
    return tree.size();
  }

  /** Loads committed leaves until the tree has at least {@code size} of them. */
  synchronized void catchUp(long size) {
    long have = tree.size();
    if (have < size) {
      long[] next = {have};
      store.leafHashes(
          have,
          size,
          h -> {
            tree.appendLeafHash(h);
            next[0]++;
          });
      if (next[0] != size) {
        throw new FedgateException(AuditError.LOG_TAMPERED, "entries missing below " + size);
      }
    }
  }

  /** Adds leaves that this process just committed at sequence numbers first, first+1, ... */
  synchronized void appendCommitted(long first, byte[][] leafHashes) {
    catchUp(first);
    for (int i = 0; i < leafHashes.length; i++) {
      if (first + i == tree.size()) {
        tree.appendLeafHash(leafHashes[i]);
      }
    }
  }

  /** Catches up with the store's committed head and returns the size. */
  long sync() {
    // read what we know before the head: a commit between the two reads must not look like a
    // shrinking log
    long known = tree.size();
    long head = store.size();
    if (head < known) {
      throw new FedgateException(AuditError.LOG_TAMPERED, "head below " + known);
    }
    catchUp(head);
    return tree.size();
  }
}
