package org.fedgate.audit.merkle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * An append-only RFC 6962 Merkle tree kept in memory as the hashes of complete (perfect, aligned)
 * subtrees: level k holds the hash of every aligned block of 2^k leaves.
 *
 * <p>Kept whole ({@link #MerkleTree()}), that is about 64 bytes per leaf and no I/O for any root or
 * proof. A log that grows for years cannot keep that in memory (a gateway writing 400 entries a
 * second would add 2 GB a day), so {@link #MerkleTree(int, LeafSource)} keeps only the levels from
 * {@code low} up, plus the leaves of the block still being filled: 64 / 2^low bytes per leaf (a
 * quarter of a byte at low = 8). A root or proof that needs something inside a committed block
 * reads that block's 2^low leaf hashes from the source (the store) and recomputes it; the last few
 * blocks read are remembered. Appending and the current root never read.
 *
 * <p>Proofs follow RFC 9162 section 2.1.3.1 (PATH) and 2.1.4.1 (PROOF / SUBPROOF). Thread-safe: one
 * appender, many readers.
 */
public final class MerkleTree {

  /** Reads committed leaf hashes {@code [from, to)} in order (the audit store's). */
  @FunctionalInterface
  public interface LeafSource {
    void read(long from, long to, Consumer<byte[]> sink);
  }

  private static final int CACHED_BLOCKS = 8;

  private final int low;
  private final LeafSource source;
  // levels.get(k) for k >= low; below low the list holds nulls
  private final List<HashArray> levels = new ArrayList<>();
  private final byte[][] tail;
  private int tailCount;
  private long size;
  private final Map<Long, byte[][]> blocks =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[][]> e) {
          return size() > CACHED_BLOCKS;
        }
      };
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Keeps every level: no I/O ever, about 64 bytes per leaf. */
  public MerkleTree() {
    this.low = 0;
    this.source = null;
    this.tail = null;
    levels.add(new HashArray());
  }

  /**
   * Keeps the levels from {@code low} (1 to 16) up; leaves of committed blocks are read back from
   * {@code source} when a root or proof needs them.
   */
  public MerkleTree(int low, LeafSource source) {
    if (low < 1 || low > 16) {
      throw new IllegalArgumentException("low level must be within [1, 16]");
    }
    this.low = low;
    this.source = java.util.Objects.requireNonNull(source, "source");
    this.tail = new byte[1 << low][];
    for (int k = 0; k < low; k++) {
      levels.add(null);
    }
    levels.add(new HashArray());
  }

  /** The number of leaves. */
  public long size() {
    lock.readLock().lock();
    try {
      return size;
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
      if (low == 0) {
        addComplete(0, leafHash);
      } else {
        tail[tailCount++] = leafHash.clone();
        if (tailCount == tail.length) {
          addComplete(low, mth(tail, 0, tail.length));
          tailCount = 0;
        }
      }
      size++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  // records a complete subtree at a level; every time it completes an aligned pair, the parent
  // becomes a complete subtree one level up
  private void addComplete(int level, byte[] hash) {
    long index = levels.get(level).size();
    levels.get(level).add(hash);
    byte[] current = hash;
    while ((index & 1L) == 1L) {
      byte[] left = levels.get(level).get(index - 1);
      current = TreeHasher.node(left, current);
      level++;
      index >>>= 1;
      if (levels.size() == level) {
        levels.add(new HashArray());
      }
      levels.get(level).add(current);
    }
  }

  /** The leaf hash at an index. */
  public byte[] leafHash(long index) {
    lock.readLock().lock();
    try {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("leaf " + index + " of " + size);
      }
      return leaf(index);
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
    if (treeSize < 0 || treeSize > size) {
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
   * MTH(D[start:end]) from the complete subtrees, splitting non-perfect ranges as RFC 6962 does; a
   * range inside one block below the kept levels is computed from that block's leaves.
   */
  private byte[] hashRange(long start, long end) {
    long n = end - start;
    if (n == 1) {
      return leaf(start);
    }
    if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      if (level >= low) {
        return levels.get(level).get(start >>> level);
      }
    }
    if (low > 0 && (start >>> low) == ((end - 1) >>> low)) {
      long blockStart = (start >>> low) << low;
      return mth(block(start >>> low), (int) (start - blockStart), (int) (end - blockStart));
    }
    long k = largestPowerOfTwoBelow(n);
    return TreeHasher.node(hashRange(start, start + k), hashRange(start + k, end));
  }

  private byte[] leaf(long index) {
    if (low == 0) {
      return levels.get(0).get(index);
    }
    long blockStart = (index >>> low) << low;
    return block(index >>> low)[(int) (index - blockStart)].clone();
  }

  /** The leaves of block b: the one being filled from memory, a committed one from the source. */
  private byte[][] block(long b) {
    long first = b << low;
    if (first == size - tailCount) {
      return tail;
    }
    synchronized (blocks) {
      byte[][] cached = blocks.get(b);
      if (cached != null) {
        return cached;
      }
    }
    byte[][] leaves = new byte[1 << low][];
    int[] n = {0};
    source.read(
        first,
        first + leaves.length,
        h -> {
          if (n[0] < leaves.length) {
            leaves[n[0]] = h;
          }
          n[0]++;
        });
    if (n[0] != leaves.length) {
      throw new IllegalStateException("leaf source returned " + n[0] + " hashes for a block");
    }
    synchronized (blocks) {
      blocks.put(b, leaves);
    }
    return leaves;
  }

  /** MTH of leaves[from:to] (RFC 6962 section 2.1). */
  private static byte[] mth(byte[][] leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves[from];
    }
    int k = (int) largestPowerOfTwoBelow(n);
    return TreeHasher.node(mth(leaves, from, from + k), mth(leaves, from + k, to));
  }

  /** The largest power of two strictly smaller than n (n >= 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
