package org.fedgate.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * A tree head: the log's origin, its size, the RFC 6962 root hash (lowercase hex) and when it was
 * taken. What is signed is {@link #signedMessage()}: the UTF-8 RFC 8785 canonical JSON of {@code
 * {"origin","rootHash","timestamp","treeSize","type":"fedgate-checkpoint/1"}}.
 */
public record Checkpoint(String origin, long treeSize, String rootHash, Instant timestamp) {

  public static final String TYPE = "fedgate-checkpoint/1";
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ORIGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/\\-]{0,254}");
  private static final ObjectMapper JSON = new ObjectMapper();

  public Checkpoint {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException("origin must be an identifier");
    }
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size must not be negative");
    }
    if (rootHash == null || !HEX32.matcher(rootHash).matches()) {
      throw new IllegalArgumentException("root hash must be 64 lowercase hex digits");
    }
    timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The exact bytes that the checkpoint signature covers. */
  public byte[] signedMessage() {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", TYPE);
    body.put("origin", origin);
    body.put("treeSize", treeSize);
    body.put("rootHash", rootHash);
    body.put("timestamp", timestamp.toString());
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(body))
          .getEncodedString()
          .getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot canonicalise a checkpoint", e);
    }
  }
}
