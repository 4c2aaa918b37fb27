package org.fedgate.audit.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 hashing and the RFC 9162 verification algorithms (section 2.1.3.2 inclusion, 2.1.4.2
 * consistency), written from the RFC text independently of the tree that makes the proofs.
 */
public final class Rfc9162 {

  private Rfc9162() {}

  public static byte[] leafHash(byte[] data) {
    MessageDigest md = sha256();
    md.update((byte) 0);
    md.update(data);
    return md.digest();
  }

  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update((byte) 1);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /**
   * True when {@code path} proves leaf {@code index} with {@code leafHash} in the tree {@code
   * root}.
   */
  public static boolean verifyInclusion(
      long index, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= treeSize) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * True when {@code proof} shows the tree of {@code first} is a prefix of the tree of {@code
   * second}.
   */
  public static boolean verifyConsistency(
      long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (first == 0) {
      // the empty tree is a prefix of every tree; RFC 9162 defines no proof for it
      return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
  }

  /**
   * Streams leaves and yields the root of the tree of the leaves seen so far, keeping only one hash
   * per set bit of the size (the compact range [0, n)).
   */
  public static final class RootAccumulator {
    private final List<byte[]> stack = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long size;

    public void add(byte[] leafHash) {
      byte[] h = Arrays.copyOf(leafHash, leafHash.length);
      int height = 0;
      while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
        h = nodeHash(stack.remove(stack.size() - 1), h);
        heights.remove(heights.size() - 1);
        height++;
      }
      stack.add(h);
      heights.add(height);
      size++;
    }

    public long size() {
      return size;
    }

    public byte[] root() {
      if (stack.isEmpty()) {
        return emptyRoot();
      }
      byte[] r = stack.get(stack.size() - 1);
      for (int i = stack.size() - 2; i >= 0; i--) {
        r = nodeHash(stack.get(i), r);
      }
      return r;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
