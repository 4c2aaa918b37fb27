package org.fedgate.audit;

import org.fedgate.model.audit.AuditEntry;

/** Lets store tests forge rows exactly as the log would write them. */
public final class AuditLogTestAccess {
  private AuditLogTestAccess() {}

  public static String canonical(AuditEntry e, long seq) {
    return EntryJson.canonical(e, seq);
  }
}
