package org.fedgate.policy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the minimiser finds the pseudonymisation key of an agreement. The gateway builds it from
 * its configuration (key material per {@link Agreement#pseudonymKeyRef()}); agreements carry only
 * the reference.
 */
@FunctionalInterface
public interface PseudonymKeyring {

  /** The key for the agreement, or empty when none is configured. */
  Optional<PseudonymKey> keyFor(Agreement agreement);

  /**
   * Derives one key per agreement from a master secret: HMAC(master, label, agreement id, key
   * reference). Different agreements (and the two directions between a pair of agencies) get
   * different keys.
   */
  static PseudonymKeyring derivedFrom(byte[] masterSecret) {
    PseudonymKey master = PseudonymKey.of(masterSecret);
    Map<String, PseudonymKey> cache = new java.util.concurrent.ConcurrentHashMap<>();
    return a ->
        Optional.of(
            cache.computeIfAbsent(
                a.id() + "\u0000" + a.pseudonymKeyRef(),
                k -> master.derive("fedgate-pseudonym-key/v1\u0000" + k)));
  }

  /** Keys by key reference, as a gateway's configuration lists them. */
  static PseudonymKeyring of(Map<String, byte[]> materialByKeyRef) {
    Map<String, PseudonymKey> keys = new HashMap<>();
    materialByKeyRef.forEach((ref, m) -> keys.put(ref, PseudonymKey.of(m)));
    return a -> Optional.ofNullable(keys.get(a.pseudonymKeyRef()));
  }

  /**
   * A fixed development keyring for {@code fedgate policy explain} and tests: never use it for real
   * exchanges (anyone with the source can recompute its pseudonyms).
   */
  static PseudonymKeyring development() {
    return derivedFrom(
        "fedgate development pseudonym secret - not for production use"
            .getBytes(StandardCharsets.UTF_8));
  }
}
