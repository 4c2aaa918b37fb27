package org.fedgate.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.StoredEntry;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * Writes an audit bundle ({@code schemas/canonical/audit-bundle-1.0.schema.json}, described in
 * {@code docs/audit-bundle.md}): the entries of a time range with their inclusion proofs against
 * one signed anchor checkpoint, plus the checkpoints issued in the range with consistency proofs to
 * the anchor. Anyone holding the gateway's certificate can verify it offline.
 */
public final class BundleExporter {

  public static final String TYPE = "fedgate-audit-bundle/1";

  /** At most this many intermediate checkpoints go into a bundle (evenly thinned). */
  public static final int MAX_CHECKPOINTS = 256;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final AuditStore store;
  private final ProofService proofs;
  private final Checkpoints checkpoints;

  /** For a running log: signs a fresh checkpoint as the anchor so every entry is covered. */
  public BundleExporter(AuditLog log) {
    this(log.store(), log.proofs(), log.checkpoints());
  }

  /**
   * For a store on its own (the CLI): the anchor is the latest stored checkpoint; entries committed
   * after it are left out (at most one checkpoint interval's worth).
   */
  public static BundleExporter forStore(AuditStore store) {
    return new BundleExporter(store, ProofService.forStore(store), Checkpoints.readOnly(store));
  }

  private BundleExporter(AuditStore store, ProofService proofs, Checkpoints checkpoints) {
    this.store = store;
    this.proofs = proofs;
    this.checkpoints = checkpoints;
  }

  /** What an export wrote. */
  public record Summary(long entries, long anchorSize, int checkpoints, long leftOutAfterAnchor) {}

  /** Exports the entries with timestamps in [from, to) (either bound may be null). */
  public Summary export(Instant from, Instant to, OutputStream out) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new FedgateException(AuditError.INVALID_QUERY, "from is after to");
    }
    SignedCheckpoint anchor = anchor();
    long anchorSize = anchor.checkpoint().treeSize();
    proofs.rootHash(anchorSize); // catches the tree up to the anchor
    List<SignedCheckpoint> inRange =
        store.checkpointsIssued(from, to, anchorSize, MAX_CHECKPOINTS).stream()
            .map(Checkpoints::toSigned)
            .toList();
    long written = 0;
    long leftOut = 0;
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", TYPE);
      g.writeStringField("origin", anchor.checkpoint().origin());
      g.writeStringField("exportedAt", Instant.now().toString());
      g.writeObjectFieldStart("range");
      if (from != null) {
        g.writeStringField("from", from.toString());
      }
      if (to != null) {
        g.writeStringField("to", to.toString());
      }
      g.writeEndObject();
      g.writeFieldName("anchor");
      writeCheckpoint(g, anchor);
      g.writeArrayFieldStart("checkpoints");
      for (SignedCheckpoint cp : inRange) {
        g.writeStartObject();
        g.writeFieldName("checkpoint");
        writeCheckpoint(g, cp);
        writeHashes(
            g,
            "consistencyProof",
            proofs.consistencyProof(cp.checkpoint().treeSize(), anchorSize).hashes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entries");
      AuditFilter filter = AuditFilter.ALL.withTime(from, to);
      long after = -1;
      while (true) {
        List<StoredEntry> rows = store.find(filter, after, 1_000);
        for (StoredEntry row : rows) {
          if (row.sequence() >= anchorSize) {
            leftOut++;
            continue;
          }
          g.writeStartObject();
          g.writeNumberField("sequence", row.sequence());
          g.writeStringField("leafHash", Hex.encode(row.leafHash()));
          writeHashes(
              g, "inclusionProof", proofs.inclusionProof(row.sequence(), anchorSize).hashes());
          g.writeFieldName("entry");
          g.writeRawValue(row.json());
          g.writeEndObject();
          written++;
        }
        if (rows.size() < 1_000) {
          break;
        }
        after = rows.get(rows.size() - 1).sequence();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new FedgateException(AuditError.STORE_UNAVAILABLE, "cannot write bundle", e);
    }
    return new Summary(written, anchorSize, inRange.size(), leftOut);
  }

  private SignedCheckpoint anchor() {
    try {
      return checkpoints.checkpointNow();
    } catch (FedgateException e) {
      if (e.errorCode() != AuditError.SIGNING_FAILED) {
        throw e;
      }
    }
    return checkpoints
        .latest()
        .orElseThrow(() -> new FedgateException(AuditError.NO_CHECKPOINT, "log has no checkpoint"));
  }

  static void writeCheckpoint(JsonGenerator g, SignedCheckpoint s) throws IOException {
    Checkpoint c = s.checkpoint();
    g.writeStartObject();
    g.writeStringField("type", Checkpoint.TYPE);
    g.writeStringField("origin", c.origin());
    g.writeNumberField("treeSize", c.treeSize());
    g.writeStringField("rootHash", c.rootHash());
    g.writeStringField("timestamp", c.timestamp().toString());
    g.writeStringField("algorithm", s.algorithm());
    g.writeStringField("keyId", s.keyId());
    g.writeStringField("signature", s.signature());
    g.writeEndObject();
  }

  private static void writeHashes(JsonGenerator g, String name, List<String> hashes)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String h : hashes) {
      g.writeString(h);
    }
    g.writeEndArray();
  }
}
