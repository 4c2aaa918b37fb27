package org.fedgate.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of results in sequence order. {@code nextAfter} is the sequence number to pass as {@code
 * afterSequence} for the next page, empty on the last page.
 */
public record Page(List<LoggedEntry> entries, OptionalLong nextAfter) {
  public Page {
    entries = List.copyOf(entries);
  }
}
