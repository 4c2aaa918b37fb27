package org.fedgate.model.envelope;

import java.security.SecureRandom;
import java.util.UUID;

/** Generates RFC 9562 version 7 UUIDs: time-ordered message ids with 74 random bits. */
public final class MessageIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /** A new UUIDv7 for the current time. */
  public static UUID newUuidV7() {
    return newUuidV7(System.currentTimeMillis());
  }

  /** A new UUIDv7 whose timestamp is the given Unix time in milliseconds. */
  public static UUID newUuidV7(long unixMillis) {
    byte[] rnd = new byte[10];
    RANDOM.nextBytes(rnd);
    long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16;
    msb |= 0x7000L; // version 7
    msb |= ((rnd[0] & 0x0FL) << 8) | (rnd[1] & 0xFFL);
    long lsb = 0x8000_0000_0000_0000L; // variant 10
    lsb |= (rnd[2] & 0x3FL) << 56;
    for (int i = 3; i < 10; i++) {
      lsb |= (rnd[i] & 0xFFL) << (8 * (9 - i));
    }
    return new UUID(msb, lsb);
  }
}
