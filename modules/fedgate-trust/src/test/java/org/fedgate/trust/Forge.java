package org.fedgate.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Builds deliberately wrong JWS for rejection tests. */
final class Forge {

  private Forge() {}

  static ObjectNode header(SigningIdentity id, String typ) {
    ObjectNode h = Jws.JSON.createObjectNode();
    h.put("alg", id.algorithm().joseName());
    h.put("kid", id.keyId());
    h.put("typ", typ);
    ArrayNode x5c = h.putArray("x5c");
    for (X509Certificate c : id.chain()) {
      x5c.add(Base64.getEncoder().encodeToString(Certificates.der(c)));
    }
    return h;
  }

  static ObjectNode header(SigningIdentity id) {
    return header(id, EnvelopeSealer.TYP);
  }

  static String b64(ObjectNode json) throws Exception {
    return Jws.b64url(Jws.JSON.writeValueAsBytes(json));
  }

  /** Signs {@code payload} under {@code header} with the identity's key, whatever they say. */
  static String sign(SigningIdentity id, ObjectNode header, byte[] payload) throws Exception {
    String h = b64(header);
    String p = Jws.b64url(payload);
    return Jws.flattened(h, p, Jws.b64url(id.sign(Jws.signingInput(h, p))));
  }

  static String withParts(String protectedB64, String payloadB64, String signatureB64) {
    return Jws.flattened(protectedB64, payloadB64, signatureB64);
  }

  static Jws.Flattened parts(String jws) {
    return Jws.parseFlattened(jws);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static SigningIdentity identity(java.security.KeyPair kp, X509Certificate... chain) {
    return SigningIdentity.of(kp.getPrivate(), List.of(chain));
  }
}
