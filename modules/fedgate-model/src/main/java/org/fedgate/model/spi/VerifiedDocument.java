package org.fedgate.model.spi;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.fedgate.model.AgencyId;

/**
 * A document whose signatures have been verified against the federation directory, with the
 * agencies whose keys signed it. The trust module produces it; the policy module accepts an
 * exchange agreement only when both parties are among the signers.
 */
public record VerifiedDocument(byte[] payload, Set<AgencyId> signers) {

  public VerifiedDocument {
    Objects.requireNonNull(payload, "payload");
    payload = payload.clone();
    signers = Set.copyOf(signers);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifiedDocument other
        && Arrays.equals(payload, other.payload)
        && signers.equals(other.signers);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(payload) + signers.hashCode();
  }

  @Override
  public String toString() {
    return "VerifiedDocument[" + payload.length + " bytes, signers=" + signers + "]";
  }
}
