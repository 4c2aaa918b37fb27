package org.fedgate.audit.store;

import java.util.Arrays;
import java.util.Objects;

/** One row of the entry table: sequence number, canonical JSON, leaf hash and search columns. */
public record StoredEntry(long sequence, String json, byte[] leafHash, IndexColumns columns) {

  public StoredEntry {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(leafHash, "leafHash");
    leafHash = leafHash.clone();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredEntry s
        && sequence == s.sequence
        && json.equals(s.json)
        && Arrays.equals(leafHash, s.leafHash)
        && Objects.equals(columns, s.columns);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + json.hashCode();
  }

  @Override
  public String toString() {
    return "StoredEntry[" + sequence + "]";
  }
}
