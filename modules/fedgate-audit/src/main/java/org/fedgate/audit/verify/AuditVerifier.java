package org.fedgate.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedgate.audit.Checkpoint;
import org.fedgate.audit.EntryJson;
import org.fedgate.audit.Hex;
import org.fedgate.audit.SignedCheckpoint;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.IndexColumns;
import org.fedgate.audit.store.StoredCheckpoint;
import org.fedgate.audit.store.StoredEntry;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * Recomputes the whole log from the stored entry JSON and checks it against every signed
 * checkpoint. It streams the entries once, in sequence order, and stops at the first problem:
 *
 * <ul>
 *   <li>a sequence gap or duplicate, a row beyond the head, or a head beyond the rows;
 *   <li>an entry whose JSON is not canonical, does not parse, names another sequence number, or
 *       whose stored leaf hash or search columns differ from the JSON;
 *   <li>a checkpoint whose signature fails (with the pinned certificate, or the one recorded for
 *       its key) or whose root differs from the recomputed root at its size. Because all roots are
 *       recomputed from one sequence of leaves, matching roots also prove that the checkpoints are
 *       consistent with each other; a checkpoint beyond the entries proves truncation.
 * </ul>
 */
public final class AuditVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditVerifier() {}

  /**
   * Verifies {@code store}. With a {@code pinned} certificate every checkpoint must verify with it;
   * without one, each checkpoint is checked with the certificate recorded in the store for its key
   * (which an attacker with write access could replace: pin the certificate for assurance).
   */
  public static VerificationReport verify(AuditStore store, X509Certificate pinned) {
    long head = store.size();
    Map<String, X509Certificate> recorded = new HashMap<>();
    if (pinned == null) {
      store.signingCertificates().forEach((k, der) -> recorded.put(k, readQuietly(der)));
    }
    // checkpoints are read in pages as the scan reaches them: a log may hold millions
    Pending pending = new Pending(store);
    State st = new State();
    try {
      // a checkpoint of size 0 is checked before any entry
      checkCheckpointsAt(st, pending, pinned, recorded);
      store.scan(
          0,
          row -> {
            if (st.failure != null) {
              throw Stop.INSTANCE;
            }
            checkRow(st, row);
            if (st.failure == null) {
              checkCheckpointsAt(st, pending, pinned, recorded);
            }
            if (st.failure != null) {
              throw Stop.INSTANCE;
            }
          });
    } catch (Stop stop) {
      // the first problem is recorded in st
    }
    if (st.failure != null) {
      return st.failure;
    }
    long n = st.acc.size();
    if (!pending.isEmpty()) {
      return VerificationReport.failure(
          n,
          st.checkpoints,
          st.lastCheckpointSize,
          n,
          AuditError.LOG_TAMPERED,
          "entries missing: a signed checkpoint covers " + pending.peekFirst().treeSize());
    }
    if (n != head) {
      return VerificationReport.failure(
          n,
          st.checkpoints,
          st.lastCheckpointSize,
          Math.min(n, head),
          AuditError.LOG_TAMPERED,
          n < head ? "entries missing below the head" : "entries beyond the head");
    }
    return VerificationReport.success(n, st.checkpoints, st.lastCheckpointSize);
  }

  /** The checkpoints not yet reached, fetched a page at a time in size order. */
  private static final class Pending {
    private static final int PAGE = 10_000;
    private final AuditStore store;
    private final Deque<StoredCheckpoint> page = new ArrayDeque<>();
    private long nextFrom;
    private boolean exhausted;

    Pending(AuditStore store) {
      this.store = store;
    }

    StoredCheckpoint peekFirst() {
      if (page.isEmpty() && !exhausted) {
        List<StoredCheckpoint> next = store.checkpoints(nextFrom, Long.MAX_VALUE, PAGE);
        page.addAll(next);
        if (next.size() < PAGE) {
          exhausted = true;
        }
        if (!next.isEmpty()) {
          nextFrom = next.get(next.size() - 1).treeSize() + 1;
        }
      }
      return page.peekFirst();
    }

    boolean isEmpty() {
      return peekFirst() == null;
    }

    StoredCheckpoint pollFirst() {
      peekFirst();
      return page.pollFirst();
    }
  }

  private static final class State {
    final Rfc9162.RootAccumulator acc = new Rfc9162.RootAccumulator();
    int checkpoints;
    long lastCheckpointSize;
    String origin;
    VerificationReport failure;
  }

  /** Unwinds the scan at the first problem. */
  private static final class Stop extends RuntimeException {
    static final Stop INSTANCE = new Stop();
    private static final long serialVersionUID = 1L;

    private Stop() {
      super(null, null, false, false);
    }
  }

  private static void checkRow(State st, StoredEntry row) {
    long expected = st.acc.size();
    if (row.sequence() != expected) {
      fail(st, expected, AuditError.LOG_TAMPERED, "sequence gap: entry missing");
      return;
    }
    byte[] json = row.json().getBytes(StandardCharsets.UTF_8);
    byte[] leaf = Rfc9162.leafHash(json);
    if (!MessageDigest.isEqual(leaf, row.leafHash())) {
      fail(st, expected, AuditError.LOG_TAMPERED, "leaf hash does not match the entry");
      return;
    }
    JsonNode node;
    AuditEntry entry;
    try {
      node = JSON.readTree(row.json());
      entry = EntryJson.parse(node);
    } catch (IOException | FedgateException e) {
      fail(st, expected, AuditError.LOG_TAMPERED, "entry JSON is not a valid audit entry");
      return;
    }
    if (!node.path("sequence").canConvertToLong() || node.path("sequence").asLong() != expected) {
      fail(st, expected, AuditError.LOG_TAMPERED, "entry names another sequence number");
      return;
    }
    if (!EntryJson.canonicalize(node).equals(row.json())) {
      fail(st, expected, AuditError.LOG_TAMPERED, "entry JSON is not canonical");
      return;
    }
    if (!IndexColumns.of(entry).equals(row.columns())) {
      fail(st, expected, AuditError.LOG_TAMPERED, "search columns differ from the entry");
      return;
    }
    st.acc.add(leaf);
  }

  private static void checkCheckpointsAt(
      State st, Pending pending, X509Certificate pinned, Map<String, X509Certificate> recorded) {
    while (!pending.isEmpty() && pending.peekFirst().treeSize() == st.acc.size()) {
      StoredCheckpoint s = pending.pollFirst();
      SignedCheckpoint cp;
      try {
        cp =
            new SignedCheckpoint(
                new Checkpoint(s.origin(), s.treeSize(), s.rootHash(), s.timestamp()),
                s.algorithm(),
                s.keyId(),
                s.signature());
      } catch (IllegalArgumentException e) {
        fail(st, st.lastCheckpointSize, AuditError.LOG_TAMPERED, "malformed checkpoint row");
        return;
      }
      X509Certificate cert = pinned != null ? pinned : recorded.get(s.keyId());
      if (cert == null || !CheckpointSignatures.verify(cp, cert)) {
        fail(
            st,
            -1,
            AuditError.CHECKPOINT_SIGNATURE_INVALID,
            "checkpoint at size " + s.treeSize() + " has no valid signature");
        return;
      }
      if (st.origin != null && !st.origin.equals(s.origin())) {
        fail(st, -1, AuditError.CHECKPOINT_INCONSISTENT, "checkpoints name different origins");
        return;
      }
      st.origin = s.origin();
      if (!Hex.encode(st.acc.root()).equals(s.rootHash())) {
        fail(
            st,
            st.lastCheckpointSize,
            AuditError.LOG_TAMPERED,
            "entries from "
                + st.lastCheckpointSize
                + " to "
                + (s.treeSize() - 1)
                + " do not match the checkpoint signed at size "
                + s.treeSize());
        return;
      }
      st.checkpoints++;
      st.lastCheckpointSize = s.treeSize();
    }
  }

  private static void fail(State st, long firstBad, AuditError error, String reason) {
    st.failure =
        VerificationReport.failure(
            st.acc.size(), st.checkpoints, st.lastCheckpointSize, firstBad, error, reason);
  }

  private static X509Certificate readQuietly(byte[] der) {
    try {
      return CheckpointSignatures.readCertificate(der);
    } catch (FedgateException e) {
      return null;
    }
  }
}
