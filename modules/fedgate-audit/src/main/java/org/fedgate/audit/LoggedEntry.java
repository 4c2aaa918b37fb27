package org.fedgate.audit;

import org.fedgate.model.audit.AuditEntry;

/** An entry as the log holds it: its sequence number (= leaf index) and RFC 6962 leaf hash. */
public record LoggedEntry(long sequence, AuditEntry entry, String leafHash) {}
