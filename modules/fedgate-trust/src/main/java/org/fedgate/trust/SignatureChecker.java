package org.fedgate.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Verifies one JWS signature by a federation member: header, chain to the root, algorithm/key
 * match, validity now, revocation, key usage, kid listed in the directory, then the signature. The
 * header parse and chain check are cached by the header text (a sender's header never changes);
 * only successes are cached.
 */
final class SignatureChecker {

  private static final int CACHE_LIMIT = 1024;

  /** A verified signer. */
  record Signer(AgencyId agency, X509Certificate certificate, String keyId) {}

  private final FederationRoot root;
  private final String typ;
  private final ConcurrentHashMap<String, Jws.Header> chainChecked = new ConcurrentHashMap<>();

  SignatureChecker(FederationRoot root, String typ) {
    this.root = root;
    this.typ = typ;
  }

  Jws.Header header(String protectedB64) {
    Jws.Header cached = chainChecked.get(protectedB64);
    if (cached != null) {
      return cached;
    }
    Jws.Header h = Jws.parseHeader(protectedB64, typ);
    root.requireChain(h.x5c());
    X509Certificate leaf = h.x5c().get(0);
    if (JwsAlgorithm.forKey(leaf.getPublicKey()).orElse(null) != h.alg()) {
      throw new FedgateException(
          TrustError.ALGORITHM_KEY_MISMATCH, h.alg().joseName() + " with another key type");
    }
    if (chainChecked.size() >= CACHE_LIMIT) {
      chainChecked.clear();
    }
    chainChecked.put(protectedB64, h);
    return h;
  }

  Signer verify(
      Jws.Header h,
      String protectedB64,
      String payloadB64,
      String signatureB64,
      FederationDirectory dir,
      Instant now) {
    X509Certificate leaf = h.x5c().get(0);
    root.requireValidAt(h.x5c(), now, "now");
    for (X509Certificate c : h.x5c()) {
      if (dir.isRevoked(c)) {
        throw new FedgateException(TrustError.CERTIFICATE_REVOKED, "kid " + h.kid());
      }
    }
    if (!Certificates.allowsDocumentSigning(leaf)) {
      throw new FedgateException(TrustError.KEY_USAGE_INVALID, "kid " + h.kid());
    }
    FederationDirectory.SigningKey key = dir.signingKey(h.kid());
    if (key == null || !key.certificate().equals(leaf)) {
      throw new FedgateException(TrustError.UNKNOWN_KEY_ID, "kid not listed in the directory");
    }
    byte[] sig = Jws.signature(signatureB64, h.alg());
    // the header algorithm matches the certificate key (checked in header()), so the key's
    // prepared verifier is the header's algorithm
    if (!key.verifier().verify(Jws.signingInput(protectedB64, payloadB64), sig)) {
      throw new FedgateException(TrustError.SIGNATURE_INVALID, "kid " + h.kid());
    }
    return new Signer(key.agency(), leaf, h.kid());
  }
}
