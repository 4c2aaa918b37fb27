package org.fedgate.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only array of 32-byte hashes in fixed-size chunks, so that millions of hashes need
 * neither one huge array nor one object per hash.
 */
final class HashArray {
  private static final int CHUNK_BITS = 14; // 16,384 hashes (512 KiB) per chunk
  private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK_HASHES - 1;

  private final List<byte[]> chunks = new ArrayList<>();
  private long size;

  long size() {
    return size;
  }

  void add(byte[] hash) {
    int offset = (int) (size & MASK);
    if (offset == 0) {
      chunks.add(new byte[CHUNK_HASHES * 32]);
    }
    System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset * 32, 32);
    size++;
  }

  byte[] get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("hash index " + index + " of " + size);
    }
    byte[] out = new byte[32];
    System.arraycopy(
        chunks.get((int) (index >>> CHUNK_BITS)), (int) (index & MASK) * 32, out, 0, 32);
    return out;
  }
}
