package org.fedgate.audit.store;

import java.time.Instant;

/** One row of the checkpoint table, as stored (hex root, base64url signature). */
public record StoredCheckpoint(
    long treeSize,
    String origin,
    String rootHash,
    Instant timestamp,
    String algorithm,
    String keyId,
    String signature) {}
