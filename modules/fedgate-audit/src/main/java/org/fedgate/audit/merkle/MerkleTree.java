package org.fedgate.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An append-only RFC 6962 Merkle tree kept in memory as the hashes of all complete (perfect,
 * aligned) subtrees: level k holds the hash of every aligned block of 2^k leaves. That is about 64
 * bytes per leaf, and any root, inclusion proof or consistency proof for any tree size up to the
 * current one costs O(log^2 n) hash operations and no I/O.
 *
 * <p>Proofs follow RFC 9162 section 2.1.3.1 (PATH) and 2.1.4.1 (PROOF / SUBPROOF). Thread-safe: one
 * appender, many readers.
 */
public final class MerkleTree {

  private final List<HashArray> levels = new ArrayList<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  public MerkleTree() {
    levels.add(new HashArray());
  }

  /** The number of leaves. */
  public long size() {
    lock.readLock().lock();
    try {
      return levels.get(0).size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Appends a leaf hash (already computed with {@link TreeHasher#leaf}). */
  public void appendLeafHash(byte[] leafHash) {
    if (leafHash.length != 32) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes");
    }
    lock.writeLock().lock();
    try {
      long index = levels.get(0).size();
      levels.get(0).add(leafHash);
      byte[] current = leafHash;
      int level = 0;
      // every time the new index completes an aligned pair, the parent becomes a complete subtree
      while (((index >>> level) & 1L) == 1L) {
        byte[] left = levels.get(level).get((index >>> level) - 1);
        current = TreeHasher.node(left, current);
        level++;
        if (levels.size() == level) {
          levels.add(new HashArray());
        }
        levels.get(level).add(current);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The leaf hash at an index. */
  public byte[] leafHash(long index) {
    lock.readLock().lock();
    try {
      return levels.get(0).get(index);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The root hash of the tree made of the first {@code treeSize} leaves. */
  public byte[] rootHash(long treeSize) {
    lock.readLock().lock();
    try {
      checkSize(treeSize);
      return treeSize == 0 ? TreeHasher.emptyRoot() : hashRange(0, treeSize);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The RFC 9162 inclusion proof (audit path) of leaf {@code index} in the tree of {@code
   * treeSize}.
   */
  public List<byte[]> inclusionProof(long index, long treeSize) {
    lock.readLock().lock();
    try {
      checkSize(treeSize);
      if (index < 0 || index >= treeSize) {
        throw new IllegalArgumentException("leaf index outside the tree");
      }
      List<byte[]> path = new ArrayList<>();
      path(index, 0, treeSize, path);
      return path;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The RFC 9162 consistency proof between tree sizes {@code first} and {@code second}. */
  public List<byte[]> consistencyProof(long first, long second) {
    lock.readLock().lock();
    try {
      checkSize(second);
      if (first < 0 || first > second) {
        throw new IllegalArgumentException("first size must be within [0, second]");
      }
      List<byte[]> proof = new ArrayList<>();
      if (first == 0 || first == second) {
        return proof;
      }
      subproof(first, 0, second, true, proof);
      return proof;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkSize(long treeSize) {
    if (treeSize < 0 || treeSize > levels.get(0).size()) {
      throw new IllegalArgumentException("tree size outside the log");
    }
  }

  // PATH(m, D[start:end]); m is relative to start
  private void path(long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(hashRange(start + k, end));
    } else {
      path(m - k, start + k, end, out);
      out.add(hashRange(start, start + k));
    }
  }

  // SUBPROOF(m, D[start:end], b); m is relative to start
  private void subproof(long m, long start, long end, boolean b, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!b) {
        out.add(hashRange(start, end));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, start + k, b, out);
      out.add(hashRange(start + k, end));
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(hashRange(start, start + k));
    }
  }

  /**
   * MTH(D[start:end]) from the complete subtrees, splitting non-perfect ranges as RFC 6962 does.
   */
  private byte[] hashRange(long start, long end) {
    long n = end - start;
    if (n == 1) {
      return levels.get(0).get(start);
    }
    if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return levels.get(level).get(start >>> level);
    }
    long k = largestPowerOfTwoBelow(n);
    return TreeHasher.node(hashRange(start, start + k), hashRange(start + k, end));
  }

  /** The largest power of two strictly smaller than n (n >= 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
