package org.fedgate.audit;

import java.util.HexFormat;

/** Lowercase hex, the encoding of every hash in the audit formats. */
public final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static byte[] decode(String hex) {
    return HEX.parseHex(hex);
  }
}
