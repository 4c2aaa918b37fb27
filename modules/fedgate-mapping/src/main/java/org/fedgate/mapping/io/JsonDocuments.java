package org.fedgate.mapping.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;

/**
 * Parses untrusted JSON under limits: size, nesting depth, no duplicate keys, no trailing data.
 * Parser messages are never passed on, because they quote the input.
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
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper = new ObjectMapper(f).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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

  public ObjectMapper mapper() {
    return mapper;
  }
}
