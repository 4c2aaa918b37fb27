package org.fedgate.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Signs a JSON document by several parties: RFC 7515 general JSON serialization, one signature per
 * party over the same payload. Exchange agreements count only when both agencies have signed.
 */
public final class MultiPartySigner {

  /** Default JWS {@code typ} of a signed agreement. */
  public static final String AGREEMENT_TYP = "fedgate-agreement+json";

  private final String typ;

  public MultiPartySigner(String typ) {
    this.typ = typ;
  }

  public MultiPartySigner() {
    this(AGREEMENT_TYP);
  }

  /** A new general JWS over {@code payload} with one signature per identity. */
  public String sign(byte[] payload, List<SigningIdentity> parties) {
    if (parties.isEmpty()) {
      throw new IllegalArgumentException("at least one party must sign");
    }
    String payloadB64 = Jws.b64url(payload);
    ObjectNode doc = Jws.JSON.createObjectNode();
    doc.put("payload", payloadB64);
    ArrayNode sigs = doc.putArray("signatures");
    for (SigningIdentity p : parties) {
      addTo(sigs, payloadB64, p);
    }
    return write(doc);
  }

  /** Adds one more party's signature to an existing general JWS (the payload is unchanged). */
  public String addSignature(String generalJws, SigningIdentity party) {
    Jws.General g = Jws.parseGeneral(generalJws);
    ObjectNode doc = Jws.JSON.createObjectNode();
    doc.put("payload", g.payloadB64());
    ArrayNode sigs = doc.putArray("signatures");
    for (Jws.SignaturePart s : g.signatures()) {
      ObjectNode e = sigs.addObject();
      e.put("protected", s.protectedB64());
      e.put("signature", s.signatureB64());
    }
    addTo(sigs, g.payloadB64(), party);
    return write(doc);
  }

  private void addTo(ArrayNode sigs, String payloadB64, SigningIdentity p) {
    String protectedB64 = Jws.headerFor(p, typ);
    ObjectNode e = sigs.addObject();
    e.put("protected", protectedB64);
    e.put("signature", Jws.b64url(p.sign(Jws.signingInput(protectedB64, payloadB64))));
  }

  private static String write(ObjectNode doc) {
    try {
      return Jws.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new FedgateException(TrustError.SIGNING_FAILED, "document not serialisable");
    }
  }
}
