package org.fedgate.audit;

import java.util.List;

/** An RFC 9162 consistency proof between two tree sizes (hex hashes). */
public record ConsistencyProof(long firstSize, long secondSize, List<String> hashes) {
  public ConsistencyProof {
    hashes = List.copyOf(hashes);
  }
}
