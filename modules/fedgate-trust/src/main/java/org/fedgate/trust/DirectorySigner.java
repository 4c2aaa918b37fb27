package org.fedgate.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/** Signs the federation directory (operator side) with the directory-signing key. */
public final class DirectorySigner {

  private DirectorySigner() {}

  public static String sign(DirectoryDocument doc, SigningIdentity signer) {
    try {
      return signPayload(Jws.JSON.writeValueAsBytes(doc), signer);
    } catch (JsonProcessingException e) {
      throw new FedgateException(TrustError.DIRECTORY_INVALID, "not serialisable");
    }
  }

  /** Parses (validating) and signs directory JSON text. */
  public static String signJson(String json, SigningIdentity signer) {
    DirectoryDocument doc;
    try {
      doc = Jws.JSON.readValue(json, DirectoryDocument.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new FedgateException(TrustError.DIRECTORY_INVALID, EnvelopeVerifier.pathOf(e));
    }
    return sign(doc, signer);
  }

  private static String signPayload(byte[] payload, SigningIdentity signer) {
    String protectedB64 = Jws.headerFor(signer, FederationDirectory.TYP);
    String payloadB64 = Jws.b64url(payload);
    return Jws.flattened(
        protectedB64,
        payloadB64,
        Jws.b64url(signer.sign(Jws.signingInput(protectedB64, payloadB64))));
  }
}
