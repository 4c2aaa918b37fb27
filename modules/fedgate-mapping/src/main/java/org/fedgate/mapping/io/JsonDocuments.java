package org.fedgate.mapping.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;

/**
 * Parses untrusted JSON under limits: size, nesting depth, no duplicate keys, no trailing data.
 * Parser messages are never passed on, because they quote the input. The mapper reads trees only
 * ({@link #parse}): its duplicate-key check is the tree reader's, not the parser's.
 */
public final class JsonDocuments {

  private final ObjectMapper mapper;
  private final Limits limits;

  public JsonDocuments(Limits limits) {
    this.limits = limits;
    JsonFactory f =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxDocumentLength(limits.maxBytes())
                    .build())
            .build();
    // Duplicate keys are refused by the tree reader (it sees the replaced value for free) rather
    // than by the parser's STRICT_DUPLICATE_DETECTION, whose per-object name sets cost more than
    // a tenth of the parse; both fail as a processing error at the key's location (FG-1001).
    this.mapper =
        new ObjectMapper(f)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  public JsonNode parse(byte[] doc) {
    limits.checkSize(doc.length);
    try (JsonParser p = mapper.createParser(doc)) {
      JsonNode n = mapper.readTree(p);
      if (n == null || n.isMissingNode()) {
        throw new FedgateException(MappingError.MALFORMED_DOCUMENT, "empty document");
      }
      return n;
    } catch (StreamConstraintsException e) {
      if (String.valueOf(e.getOriginalMessage()).contains("depth")) {
        throw new FedgateException(
            MappingError.NESTING_TOO_DEEP, "nesting deeper than " + limits.maxDepth());
      }
      throw new FedgateException(MappingError.DOCUMENT_TOO_LARGE, "a value exceeds its limit");
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? "unknown position"
              : "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
      throw new FedgateException(MappingError.MALFORMED_DOCUMENT, "not valid JSON at " + where);
    } catch (IOException e) {
      throw new FedgateException(MappingError.MALFORMED_DOCUMENT, "unreadable JSON");
    }
  }

  public byte[] write(JsonNode n) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON tree", e);
    }
  }

  /**
   * The mapper behind {@link #parse}, for writing and tree reading only: its duplicate-key check is
   * a tree-reader feature and does not cover data binding.
   */
  public ObjectMapper mapper() {
    return mapper;
  }
}
