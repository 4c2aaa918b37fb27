package org.fedgate.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fedgate.audit.Checkpoint;
import org.fedgate.audit.EntryJson;
import org.fedgate.audit.SignedCheckpoint;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * Verifies an exported audit bundle offline with only the gateway's certificate: the anchor and
 * every checkpoint signature, each checkpoint's consistency with the anchor, and every entry's leaf
 * hash (recomputed from its canonical JSON) and inclusion proof against the anchor root. Any
 * failure throws with its FG code and the sequence number or tree size concerned.
 */
public final class BundleVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private BundleVerifier() {}

  /** What a bundle proved. */
  public record Result(String origin, long anchorSize, long entries, int checkpoints) {}

  public static Result verify(InputStream bundle, X509Certificate certificate) {
    JsonNode root;
    try {
      root = JSON.readTree(bundle);
    } catch (IOException e) {
      throw malformed("not JSON");
    }
    return verify(root, certificate);
  }

  public static Result verify(JsonNode bundle, X509Certificate certificate) {
    if (bundle == null || !"fedgate-audit-bundle/1".equals(bundle.path("type").asText())) {
      throw malformed("/type");
    }
    String origin = bundle.path("origin").asText();
    SignedCheckpoint anchor = checkpoint(bundle.path("anchor"), "/anchor");
    if (!anchor.checkpoint().origin().equals(origin)) {
      throw new FedgateException(AuditError.CHECKPOINT_INCONSISTENT, "/anchor/origin");
    }
    if (!CheckpointSignatures.verify(anchor, certificate)) {
      throw new FedgateException(AuditError.CHECKPOINT_SIGNATURE_INVALID, "/anchor");
    }
    long anchorSize = anchor.checkpoint().treeSize();
    byte[] anchorRoot = hash(anchor.checkpoint().rootHash(), "/anchor/rootHash");

    JsonNode cps = bundle.path("checkpoints");
    if (!cps.isArray()) {
      throw malformed("/checkpoints");
    }
    for (int i = 0; i < cps.size(); i++) {
      String at = "/checkpoints/" + i;
      SignedCheckpoint cp = checkpoint(cps.get(i).path("checkpoint"), at + "/checkpoint");
      if (!cp.checkpoint().origin().equals(origin)) {
        throw new FedgateException(AuditError.CHECKPOINT_INCONSISTENT, at + "/checkpoint/origin");
      }
      if (!CheckpointSignatures.verify(cp, certificate)) {
        throw new FedgateException(AuditError.CHECKPOINT_SIGNATURE_INVALID, at);
      }
      long size = cp.checkpoint().treeSize();
      List<byte[]> proof = hashes(cps.get(i).path("consistencyProof"), at + "/consistencyProof");
      if (!Rfc9162.verifyConsistency(
          size, anchorSize, proof, hash(cp.checkpoint().rootHash(), at), anchorRoot)) {
        throw new FedgateException(
            AuditError.CHECKPOINT_INCONSISTENT,
            "checkpoint at size " + size + " is not consistent with the anchor");
      }
    }

    JsonNode entries = bundle.path("entries");
    if (!entries.isArray()) {
      throw malformed("/entries");
    }
    long previous = -1;
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String at = "/entries/" + i;
      if (!e.path("sequence").canConvertToLong()) {
        throw malformed(at + "/sequence");
      }
      long seq = e.path("sequence").asLong();
      if (seq <= previous || seq >= anchorSize) {
        throw malformed(at + "/sequence: out of order or beyond the anchor");
      }
      previous = seq;
      JsonNode entry = e.path("entry");
      if (!entry.isObject() || entry.path("sequence").asLong(-1) != seq) {
        throw new FedgateException(
            AuditError.PROOF_INVALID, "entry " + seq + " names another sequence number");
      }
      EntryJson.parse(entry); // schema-level validation: throws FG-4001 on a foreign entry
      byte[] leaf =
          Rfc9162.leafHash(EntryJson.canonicalize(entry).getBytes(StandardCharsets.UTF_8));
      if (!MessageDigest.isEqual(leaf, hash(e.path("leafHash").asText(), at + "/leafHash"))) {
        throw new FedgateException(
            AuditError.PROOF_INVALID, "entry " + seq + " does not match its leaf hash");
      }
      List<byte[]> path = hashes(e.path("inclusionProof"), at + "/inclusionProof");
      if (!Rfc9162.verifyInclusion(seq, anchorSize, leaf, path, anchorRoot)) {
        throw new FedgateException(
            AuditError.PROOF_INVALID, "entry " + seq + " is not included in the anchor");
      }
    }
    return new Result(origin, anchorSize, entries.size(), cps.size());
  }

  private static SignedCheckpoint checkpoint(JsonNode n, String at) {
    if (!n.isObject() || !Checkpoint.TYPE.equals(n.path("type").asText())) {
      throw malformed(at);
    }
    try {
      return new SignedCheckpoint(
          new Checkpoint(
              n.path("origin").asText(),
              n.path("treeSize").asLong(-1),
              n.path("rootHash").asText(),
              Instant.parse(n.path("timestamp").asText())),
          n.path("algorithm").asText(),
          n.path("keyId").asText(),
          n.path("signature").asText());
    } catch (RuntimeException e) {
      throw malformed(at);
    }
  }

  private static List<byte[]> hashes(JsonNode arr, String at) {
    if (!arr.isArray()) {
      throw malformed(at);
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      out.add(hash(arr.get(i).asText(), at + "/" + i));
    }
    return out;
  }

  private static byte[] hash(String hex, String at) {
    if (hex == null || !hex.matches("[0-9a-f]{64}")) {
      throw malformed(at + ": not 64 lowercase hex digits");
    }
    return HEX.parseHex(hex);
  }

  private static FedgateException malformed(String where) {
    return new FedgateException(AuditError.BUNDLE_INVALID, where);
  }
}
