package org.fedgate.gateway;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Time-ordered UUIDv7 message ids (RFC 9562 section 5.7). */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String uuidV7(Instant now) {
    long millis = now.toEpochMilli();
    byte[] r = new byte[10];
    RANDOM.nextBytes(r);
    long msb = (millis << 16) | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
    long lsb = 0x8000000000000000L | ((r[2] & 0x3FL) << 56);
    for (int i = 3; i < 10; i++) {
      lsb |= (r[i] & 0xFFL) << (8 * (9 - i));
    }
    return new UUID(msb, lsb).toString();
  }
}
