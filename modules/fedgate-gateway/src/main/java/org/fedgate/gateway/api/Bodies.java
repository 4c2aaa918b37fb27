package org.fedgate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/** Reads request bodies within the size limit and parses JSON without echoing it in errors. */
final class Bodies {

  private Bodies() {}

  static byte[] read(InputStream in, long limit) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw new FedgateException(GatewayError.PAYLOAD_TOO_LARGE, "limit " + limit + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "body unreadable");
    }
  }

  static JsonNode json(byte[] body) {
    try {
      JsonNode node = GatewayContext.JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "body is not valid JSON");
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "/" + field + " must be a string");
    }
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
