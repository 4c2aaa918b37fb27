package org.fedgate.policy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA-256 key that pseudonymises under one agreement. The same input gives the same token
 * under the same key, so a person can be followed across exchanges under that agreement and not
 * across agreements. The key material never prints itself.
 */
public final class PseudonymKey {

  /** Tokens look like {@code fgp1_} and 22 base64url characters (128 bits of the HMAC). */
  public static final Pattern TOKEN = Pattern.compile("fgp1_[A-Za-z0-9_-]{22}");

  private static final String ALG = "HmacSHA256";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private PseudonymKey(byte[] material) {
    if (material == null || material.length < 32) {
      throw new IllegalArgumentException("pseudonymisation key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(material, ALG); // copies the material
    Arrays.fill(material, (byte) 0);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A key from raw material (at least 32 bytes); the array is copied and may be wiped after. */
  public static PseudonymKey of(byte[] material) {
    return new PseudonymKey(material.clone());
  }

  /** Derives a sub-key for one purpose of use (HMAC of the label under this key). */
  PseudonymKey derive(String label) {
    return new PseudonymKey(mac(label.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The token for a value in a domain (a canonical path, or a record-scoped id space). Values are
   * normalised (NFKC, case, spaces) so that trivial spelling variants give the same token.
   */
  public String token(String domain, String value) {
    String norm = RecordWalk.normalise(value);
    byte[] d = domain.getBytes(StandardCharsets.UTF_8);
    byte[] v = norm.getBytes(StandardCharsets.UTF_8);
    byte[] msg = new byte[d.length + 1 + v.length];
    System.arraycopy(d, 0, msg, 0, d.length);
    System.arraycopy(v, 0, msg, d.length + 1, v.length);
    // the JDK HmacSHA256, one initialised Mac per thread (RFC 2104 by the platform, not by hand)
    byte[] h = mac(msg);
    return "fgp1_" + BASE64URL.encodeToString(Arrays.copyOf(h, 16));
  }

  /** Whether a string has the shape of a token (the receiver's over-sharing check uses it). */
  public static boolean isToken(String s) {
    // the same test as TOKEN, without a matcher: it runs on every pseudonymised field received
    if (s == null || s.length() != 27 || !s.startsWith("fgp1_")) {
      return false;
    }
    for (int i = 5; i < 27; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  byte[] mac(byte[] msg) {
    Mac m = macs.get();
    return m.doFinal(msg);
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance(ALG);
      m.init(key);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time comparison of the key material (for tests and key rotation checks). */
  boolean sameKeyAs(PseudonymKey other) {
    return MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
  }

  @Override
  public String toString() {
    return "PseudonymKey[HmacSHA256, material redacted]";
  }
}
