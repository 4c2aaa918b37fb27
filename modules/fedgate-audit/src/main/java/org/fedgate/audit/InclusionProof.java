package org.fedgate.audit;

import java.util.List;

/**
 * An RFC 9162 inclusion proof: the audit path of one leaf in a tree of a given size (hex hashes).
 */
public record InclusionProof(long leafIndex, long treeSize, List<String> hashes) {
  public InclusionProof {
    hashes = List.copyOf(hashes);
  }
}
