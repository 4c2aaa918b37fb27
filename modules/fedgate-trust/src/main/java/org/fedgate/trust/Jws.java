package org.fedgate.trust;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.fedgate.model.envelope.EnvelopeJson;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Strict parsing of RFC 7515 JSON serializations (flattened and general) and protected headers.
 * Every rejection carries its own {@link TrustError}; messages name parts, never content.
 */
final class Jws {

  static final ObjectMapper JSON = EnvelopeJson.mapper();

  /** Largest DER total of an x5c chain. */
  static final int MAX_X5C_BYTES = 64 * 1024;

  /** Protected headers beyond this are refused before JSON parsing. */
  private static final int MAX_HEADER_B64 = 128 * 1024;

  private static final Set<String> HEADER_PARAMS = Set.of("alg", "kid", "typ", "x5c");
  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
  private static final Base64.Encoder B64URL_ENC = Base64.getUrlEncoder().withoutPadding();

  private Jws() {}

  record Flattened(String protectedB64, String payloadB64, String signatureB64) {}

  record SignaturePart(String protectedB64, String signatureB64) {}

  record General(String payloadB64, List<SignaturePart> signatures) {}

  /** A parsed protected header (immutable; safe to cache by its base64url text). */
  record Header(String b64, JwsAlgorithm alg, String kid, String typ, List<X509Certificate> x5c) {}

  static JsonNode parseJson(String text) {
    if (text == null) {
      throw new FedgateException(TrustError.NOT_JSON, "no input");
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // an object that breaks off is a truncated JWS; anything else was never JSON
      throw new FedgateException(
          text.stripLeading().startsWith("{") ? TrustError.MALFORMED_JWS : TrustError.NOT_JSON,
          "at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
    }
  }

  /**
   * Parses a flattened JWS with a streaming parser (the hot path of every inbound envelope):
   * exactly the string members protected, payload and signature, no duplicates, nothing after the
   * object.
   */
  static Flattened parseFlattened(String text) {
    if (text == null) {
      throw new FedgateException(TrustError.NOT_JSON, "no input");
    }
    String p = null;
    String y = null;
    String s = null;
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new FedgateException(TrustError.NOT_JSON, "not a JSON object");
      }
      JsonToken t;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken v = parser.nextToken();
        if (!"protected".equals(name) && !"payload".equals(name) && !"signature".equals(name)) {
          // unprotected headers would let anyone add parameters without breaking the signature
          throw new FedgateException(
              TrustError.MALFORMED_JWS, "unexpected member " + safeName(name));
        }
        if (v != JsonToken.VALUE_STRING) {
          throw new FedgateException(TrustError.MALFORMED_JWS, name + " is not a string");
        }
        switch (name) {
          case "protected" -> p = parser.getText();
          case "payload" -> y = parser.getText();
          default -> s = parser.getText();
        }
      }
      if (t != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new FedgateException(TrustError.MALFORMED_JWS, "not a single JSON object");
      }
    } catch (JsonProcessingException e) {
      // an object that breaks off is a truncated JWS; anything else was never JSON
      throw new FedgateException(
          text.stripLeading().startsWith("{") ? TrustError.MALFORMED_JWS : TrustError.NOT_JSON,
          "at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
    } catch (java.io.IOException e) {
      throw new FedgateException(TrustError.MALFORMED_JWS, "unreadable");
    }
    if (p == null || y == null || s == null) {
      throw new FedgateException(
          TrustError.MALFORMED_JWS, "protected, payload and signature are required");
    }
    return new Flattened(p, y, s);
  }

  static General parseGeneral(String text) {
    JsonNode n = parseJson(text);
    if (n == null || !n.isObject()) {
      throw new FedgateException(TrustError.NOT_JSON, "not a JSON object");
    }
    requireOnly(n, Set.of("payload", "signatures"));
    String payload = str(n, "payload");
    JsonNode sigs = n.get("signatures");
    if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
      throw new FedgateException(TrustError.MALFORMED_JWS, "signatures must be a non-empty array");
    }
    if (sigs.size() > 16) {
      throw new FedgateException(TrustError.MALFORMED_JWS, "more than 16 signatures");
    }
    List<SignaturePart> parts = new ArrayList<>();
    for (JsonNode s : sigs) {
      if (!s.isObject()) {
        throw new FedgateException(TrustError.MALFORMED_JWS, "signature entry not an object");
      }
      requireOnly(s, Set.of("protected", "signature"));
      parts.add(new SignaturePart(str(s, "protected"), str(s, "signature")));
    }
    return new General(payload, parts);
  }

  private static void requireOnly(JsonNode n, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        // unprotected headers would let anyone add parameters without breaking the signature
        throw new FedgateException(TrustError.MALFORMED_JWS, "unexpected member " + safeName(f));
      }
    }
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new FedgateException(TrustError.MALFORMED_JWS, field + " missing or not a string");
    }
    return v.textValue();
  }

  static byte[] b64url(String text, String part) {
    if (text.indexOf('=') >= 0) {
      throw new FedgateException(TrustError.MALFORMED_JWS, part + " is padded base64url");
    }
    try {
      return B64URL.decode(text);
    } catch (IllegalArgumentException e) {
      throw new FedgateException(TrustError.MALFORMED_JWS, part + " is not base64url");
    }
  }

  static String b64url(byte[] data) {
    return B64URL_ENC.encodeToString(data);
  }

  static byte[] signature(String b64, JwsAlgorithm alg) {
    byte[] sig = b64url(b64, "signature");
    if (sig.length != 64) {
      throw new FedgateException(
          TrustError.MALFORMED_JWS, "signature length " + sig.length + " for " + alg.joseName());
    }
    return sig;
  }

  static byte[] signingInput(String protectedB64, String payloadB64) {
    return (protectedB64 + "." + payloadB64).getBytes(StandardCharsets.US_ASCII);
  }

  /** Certificates already parsed, by their exact x5c text (a partner sends the same every time). */
  private static final java.util.Map<String, X509Certificate> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static X509Certificate parsed(String text, byte[] der) throws CertificateException {
    X509Certificate c = PARSED.get(text);
    if (c == null) {
      c = Certificates.fromDer(der);
      if (PARSED.size() >= 256) {
        PARSED.clear(); // bounded; forgetting only costs a re-parse
      }
      PARSED.put(text, c);
    }
    return c;
  }

  /** Parses and checks a protected header: algorithm, parameters, typ, kid and x5c bounds. */
  static Header parseHeader(String b64, String expectedTyp) {
    if (b64.length() > MAX_HEADER_B64) {
      throw new FedgateException(TrustError.CHAIN_TOO_LARGE, "protected header too large");
    }
    byte[] raw = b64url(b64, "protected header");
    JsonNode h;
    try {
      h = JSON.readTree(raw);
    } catch (java.io.IOException e) {
      throw new FedgateException(TrustError.MALFORMED_JWS, "protected header is not JSON");
    }
    if (h == null || !h.isObject()) {
      throw new FedgateException(TrustError.MALFORMED_JWS, "protected header is not an object");
    }
    JsonNode algNode = h.get("alg");
    if (algNode == null || !algNode.isTextual()) {
      throw new FedgateException(TrustError.HEADER_INVALID, "alg missing");
    }
    String algName = algNode.textValue();
    if ("none".equalsIgnoreCase(algName)) {
      throw new FedgateException(TrustError.UNSECURED_JWS, "alg none");
    }
    JwsAlgorithm alg =
        JwsAlgorithm.fromJose(algName)
            .orElseThrow(
                () ->
                    new FedgateException(
                        TrustError.ALGORITHM_NOT_ALLOWED, "alg " + safeName(algName)));
    for (Iterator<String> it = h.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!HEADER_PARAMS.contains(f)) {
        // crit, jku, jwk, x5u, b64 ...: a key or processing rule from the sender is never trusted
        throw new FedgateException(TrustError.HEADER_INVALID, "parameter " + safeName(f));
      }
    }
    JsonNode typ = h.get("typ");
    if (typ == null || !typ.isTextual() || !expectedTyp.equals(typ.textValue())) {
      throw new FedgateException(TrustError.HEADER_INVALID, "typ must be " + expectedTyp);
    }
    JsonNode kid = h.get("kid");
    if (kid == null || !kid.isTextual() || kid.textValue().isEmpty()) {
      throw new FedgateException(TrustError.HEADER_INVALID, "kid missing");
    }
    JsonNode x5c = h.get("x5c");
    if (x5c == null || !x5c.isArray() || x5c.isEmpty()) {
      throw new FedgateException(TrustError.HEADER_INVALID, "x5c missing");
    }
    if (x5c.size() > FederationRoot.MAX_CHAIN) {
      throw new FedgateException(TrustError.CHAIN_TOO_LARGE, "x5c has " + x5c.size() + " certs");
    }
    List<byte[]> ders = new ArrayList<>();
    int total = 0;
    for (JsonNode c : x5c) {
      if (!c.isTextual()) {
        throw new FedgateException(TrustError.HEADER_INVALID, "x5c entry not a string");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(c.textValue()); // x5c is standard base64 (RFC 7515 4.1.6)
      } catch (IllegalArgumentException e) {
        throw new FedgateException(TrustError.HEADER_INVALID, "x5c entry not base64");
      }
      total += der.length;
      if (total > MAX_X5C_BYTES) {
        throw new FedgateException(TrustError.CHAIN_TOO_LARGE, "x5c larger than 64 KiB");
      }
      ders.add(der);
    }
    List<X509Certificate> certs = new ArrayList<>();
    for (int i = 0; i < ders.size(); i++) {
      byte[] der = ders.get(i);
      try {
        certs.add(parsed(x5c.get(i).textValue(), der));
      } catch (CertificateException | RuntimeException e) {
        throw new FedgateException(TrustError.HEADER_INVALID, "x5c entry not a certificate");
      }
    }
    return new Header(b64, alg, kid.textValue(), typ.textValue(), List.copyOf(certs));
  }

  /** The protected header a signer uses, built once per key (it never changes). */
  static String headerFor(SigningIdentity id, String typ) {
    ObjectNode h = JSON.createObjectNode();
    h.put("alg", id.algorithm().joseName());
    h.put("kid", id.keyId());
    h.put("typ", typ);
    ArrayNode x5c = h.putArray("x5c");
    for (X509Certificate c : id.chain()) {
      x5c.add(Base64.getEncoder().encodeToString(Certificates.der(c)));
    }
    try {
      return b64url(JSON.writeValueAsBytes(h));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A flattened JWS JSON serialization; every part is base64url, so no escaping is needed. */
  static String flattened(String protectedB64, String payloadB64, String signatureB64) {
    return "{\"protected\":\""
        + protectedB64
        + "\",\"payload\":\""
        + payloadB64
        + "\",\"signature\":\""
        + signatureB64
        + "\"}";
  }

  /** Names from the input are echoed only if they look like identifiers, and shortened. */
  static String safeName(String s) {
    if (s.length() <= 32 && s.matches("[A-Za-z0-9_+.-]*")) {
      return s;
    }
    return "(unprintable name)";
  }
}
