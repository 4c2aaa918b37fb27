package org.fedgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.audit.Actor;
import org.fedgate.model.audit.AgreementRef;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.audit.FieldDisposition;
import org.fedgate.model.audit.Operation;
import org.fedgate.model.audit.Outcome;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/**
 * The JSON form of a logged entry ({@code schemas/canonical/audit-entry-1.0.schema.json}): the
 * entry's components with absent ones omitted, plus {@code sequence}, its leaf index. The leaf hash
 * is computed over the RFC 8785 canonical form of that object.
 */
public final class EntryJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TIMESTAMP_KEY = "\"timestamp\":";

  private EntryJson() {}

  /** The entry as a JSON object, with its sequence number when {@code sequence >= 0}. */
  public static ObjectNode toJson(AuditEntry e, long sequence) {
    ObjectNode o = MAPPER.createObjectNode();
    if (sequence >= 0) {
      o.put("sequence", sequence);
    }
    o.put("operation", e.operation().name());
    o.put("timestamp", e.timestamp().toString());
    ObjectNode actor = o.putObject("actor");
    actor.put("agency", e.actor().agency().value());
    putIfPresent(actor, "officerId", e.actor().officerId());
    putIfPresent(actor, "role", e.actor().role());
    if (e.counterpart() != null) {
      o.put("counterpart", e.counterpart().value());
    }
    ArrayNode recipients = o.putArray("recipients");
    e.recipients().forEach(r -> recipients.add(r.value()));
    if (e.purpose() != null) {
      o.put("purpose", e.purpose().name());
    }
    putIfPresent(o, "legalBasis", e.legalBasis());
    putIfPresent(o, "justificationRef", e.justificationRef());
    putIfPresent(o, "messageId", e.messageId());
    putIfPresent(o, "conversationId", e.conversationId());
    putIfPresent(o, "payloadDigest", e.payloadDigest());
    if (e.agreement() != null) {
      ObjectNode a = o.putObject("agreement");
      a.put("id", e.agreement().id());
      a.put("version", e.agreement().version());
    }
    putIfPresent(o, "profileVersion", e.profileVersion());
    putIfPresent(o, "mappingVersion", e.mappingVersion());
    ObjectNode f = o.putObject("fields");
    putPaths(f, "released", e.fields().released());
    putPaths(f, "generalised", e.fields().generalised());
    putPaths(f, "pseudonymised", e.fields().pseudonymised());
    putPaths(f, "withheld", e.fields().withheld());
    o.put("outcome", e.outcome().name());
    putIfPresent(o, "errorCode", e.errorCode());
    return o;
  }

  /** RFC 8785 canonical JSON of the entry with its sequence number. */
  public static String canonical(AuditEntry e, long sequence) {
    return fastCanonical(toJson(e, sequence));
  }

  /**
   * The canonical JSON of the entry without a sequence number, ready for {@link #withSequence}.
   * Computed on the appender's thread so that the single commit thread only splices the number.
   */
  static String canonicalWithoutSequence(AuditEntry e) {
    return fastCanonical(toJson(e, -1));
  }

  private static String fastCanonical(JsonNode node) {
    String fast = CanonicalJson.write(node);
    return fast != null ? fast : canonicalize(node);
  }

  /**
   * Inserts {@code "sequence":n} into canonical JSON made by {@link #canonicalWithoutSequence}. In
   * RFC 8785 key order "sequence" sorts directly before "timestamp", the last key of an entry, and
   * no value can contain a quote (validated patterns), so the splice yields the canonical form.
   */
  static String withSequence(String canonicalWithoutSequence, long sequence) {
    int at = canonicalWithoutSequence.lastIndexOf(TIMESTAMP_KEY);
    if (at < 0) {
      throw new IllegalStateException("entry JSON without timestamp");
    }
    return canonicalWithoutSequence.substring(0, at)
        + "\"sequence\":"
        + sequence
        + ","
        + canonicalWithoutSequence.substring(at);
  }

  /**
   * RFC 8785 canonical form of any JSON value, by the independent {@code
   * java-json-canonicalization} library (what the verifiers use).
   */
  public static String canonicalize(JsonNode node) {
    try {
      return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
    } catch (IOException e) {
      throw new FedgateException(AuditError.INVALID_ENTRY, "cannot canonicalise entry JSON");
    }
  }

  /** Parses a logged entry's JSON (as stored or exported) back into a validated entry. */
  public static AuditEntry parse(JsonNode o) {
    try {
      JsonNode actorNode = o.path("actor");
      Actor actor =
          new Actor(
              AgencyId.of(actorNode.path("agency").asText()),
              text(actorNode, "officerId"),
              text(actorNode, "role"));
      List<AgencyId> recipients = new ArrayList<>();
      o.path("recipients").forEach(r -> recipients.add(AgencyId.of(r.asText())));
      JsonNode agreement = o.get("agreement");
      JsonNode f = o.path("fields");
      return new AuditEntry(
          Operation.valueOf(o.path("operation").asText()),
          Instant.parse(o.path("timestamp").asText()),
          actor,
          o.hasNonNull("counterpart") ? AgencyId.of(o.get("counterpart").asText()) : null,
          recipients,
          o.hasNonNull("purpose") ? Purpose.valueOf(o.get("purpose").asText()) : null,
          text(o, "legalBasis"),
          text(o, "justificationRef"),
          text(o, "messageId"),
          text(o, "conversationId"),
          text(o, "payloadDigest"),
          agreement == null
              ? null
              : new AgreementRef(text(agreement, "id"), text(agreement, "version")),
          text(o, "profileVersion"),
          text(o, "mappingVersion"),
          new FieldDisposition(
              paths(f, "released"),
              paths(f, "generalised"),
              paths(f, "pseudonymised"),
              paths(f, "withheld")),
          Outcome.valueOf(o.path("outcome").asText()),
          text(o, "errorCode"));
    } catch (FedgateException e) {
      throw e;
    } catch (RuntimeException e) {
      // never echo the input: only the kind of problem
      throw new FedgateException(AuditError.INVALID_ENTRY, "entry JSON does not match the schema");
    }
  }

  /** Parses JSON text of a logged entry. */
  public static AuditEntry parse(String json) {
    return parse(readTree(json));
  }

  static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new FedgateException(AuditError.INVALID_ENTRY, "entry is not JSON");
    }
  }

  private static void putIfPresent(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static void putPaths(ObjectNode o, String key, List<String> paths) {
    ArrayNode a = o.putArray(key);
    paths.forEach(a::add);
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> paths(JsonNode f, String key) {
    List<String> out = new ArrayList<>();
    f.path(key).forEach(p -> out.add(p.asText()));
    return out;
  }
}
