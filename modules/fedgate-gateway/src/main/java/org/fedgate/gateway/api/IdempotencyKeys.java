package org.fedgate.gateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * The agency API's {@code Idempotency-Key}: an opaque value the caller chooses per request (a UUID,
 * say), so that a request sent again after a lost answer creates nothing new. Written as the IETF
 * httpapi draft has it (a quoted string) or bare. Its value is never logged or quoted in an error.
 */
public final class IdempotencyKeys {

  /** Letters, digits and {@code . _ : -}, 1-128 characters, starting with a letter or digit. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private IdempotencyKeys() {}

  /** The key of a header value, or null when the header is absent. */
  public static String parse(String header) {
    if (header == null) {
      return null;
    }
    String v = header.strip();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    if (!KEY.matcher(v).matches()) {
      throw new FedgateException(
          GatewayError.REQUEST_INVALID,
          "Idempotency-Key must be 1 to 128 letters, digits or . _ : - (a UUID, say)");
    }
    return v;
  }

  /**
   * A digest of what a request asks for ({@code parts} in order, each length-prefixed so that no
   * two different requests run together into the same bytes): a key sent again with another request
   * is refused (FG-5023) rather than answered with what the first one created.
   */
  static String digest(byte[] body, String... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        byte[] b = p == null ? new byte[0] : p.getBytes(StandardCharsets.UTF_8);
        d.update(ByteBuffer.allocate(5).put((byte) (p == null ? 0 : 1)).putInt(b.length).array());
        d.update(b);
      }
      d.update(ByteBuffer.allocate(4).putInt(body.length).array());
      d.update(body);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
