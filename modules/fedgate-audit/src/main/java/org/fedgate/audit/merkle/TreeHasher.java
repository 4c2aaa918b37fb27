package org.fedgate.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 hashing: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right). */
public final class TreeHasher {

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
          });

  private TreeHasher() {}

  /** The hash of the empty tree: SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md.digest();
  }

  public static byte[] leaf(byte[] data) {
    MessageDigest md = SHA256.get();
    md.reset();
    md.update((byte) 0x00);
    md.update(data);
    return md.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest md = SHA256.get();
    md.reset();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }
}
