package org.fedgate.gateway;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Time-ordered UUIDv7 message ids (RFC 9562 section 5.7). */
public final class Ids {

  // one DRBG per thread: the default NativePRNG serialises every caller on one global lock (and a
  // read of /dev/urandom), which showed up as contention on the agency API threads under load
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(
          () -> {
            try {
              return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
              return new SecureRandom();
            }
          });

  private Ids() {}

  public static String uuidV7(Instant now) {
    long millis = now.toEpochMilli();
    byte[] r = new byte[10];
    RANDOM.get().nextBytes(r);
    long msb = (millis << 16) | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
    long lsb = 0x8000000000000000L | ((r[2] & 0x3FL) << 56);
    for (int i = 3; i < 10; i++) {
      lsb |= (r[i] & 0xFFL) << (8 * (9 - i));
    }
    return new UUID(msb, lsb).toString();
  }
}
