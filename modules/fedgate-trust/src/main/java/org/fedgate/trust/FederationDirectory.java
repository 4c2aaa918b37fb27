package org.fedgate.trust;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * A verified snapshot of the signed federation directory: members by agency, signing keys by {@code
 * kid}, TLS certificates by thumbprint, revoked serials. Build it with {@link #verify}; hold the
 * current one in a {@link DirectoryHolder}, which refuses rollbacks and stale copies.
 */
public final class FederationDirectory {

  /** The JWS {@code typ} of a signed directory. */
  public static final String TYP = "fedgate-directory+json";

  /** A member's signing key, prepared once for fast verification. */
  record SigningKey(
      AgencyId agency, X509Certificate certificate, JwsAlgorithm.RawVerifier verifier) {}

  private final DirectoryDocument document;
  private final String jws;
  private final Map<AgencyId, DirectoryDocument.Member> members;
  private final Map<String, SigningKey> signingKeys;
  private final Map<String, AgencyId> tlsByThumbprint;
  private final Set<BigInteger> revoked;

  private FederationDirectory(DirectoryDocument document, String jws) {
    this.document = document;
    this.jws = jws;
    Map<AgencyId, DirectoryDocument.Member> byAgency = new LinkedHashMap<>();
    Map<String, SigningKey> keys = new HashMap<>();
    Map<String, AgencyId> tls = new HashMap<>();
    for (DirectoryDocument.Member m : document.members()) {
      byAgency.put(m.agency(), m);
      for (String b64 : m.signingCertificates()) {
        X509Certificate cert = decode(b64, m.agency());
        try {
          JwsAlgorithm alg =
              JwsAlgorithm.forKey(cert.getPublicKey())
                  .orElseThrow(() -> new GeneralSecurityException("key type"));
          keys.put(
              Certificates.thumbprint(cert),
              new SigningKey(m.agency(), cert, alg.verifier(Keys.toBc(cert.getPublicKey()))));
        } catch (GeneralSecurityException | ClassCastException e) {
          throw new FedgateException(
              TrustError.DIRECTORY_INVALID, "unsupported signing key of " + m.agency());
        }
      }
      for (String b64 : m.tlsCertificates()) {
        tls.put(Certificates.thumbprint(decode(b64, m.agency())), m.agency());
      }
    }
    Set<BigInteger> serials = new HashSet<>();
    for (DirectoryDocument.Revocation r : document.revoked()) {
      serials.add(new BigInteger(r.serial(), 16));
    }
    this.members = Map.copyOf(byAgency);
    this.signingKeys = Map.copyOf(keys);
    this.tlsByThumbprint = Map.copyOf(tls);
    this.revoked = Set.copyOf(serials);
  }

  private static X509Certificate decode(String b64, AgencyId agency) {
    try {
      return Certificates.fromDer(Base64.getDecoder().decode(b64));
    } catch (CertificateException | IllegalArgumentException e) {
      throw new FedgateException(
          TrustError.DIRECTORY_INVALID, "unreadable certificate of member " + agency);
    }
  }

  /**
   * Verifies a signed directory against the pinned root: a flattened JWS by a certificate with the
   * {@code urn:fedgate:directory} SAN and documentSigning usage, valid now, and the directory not
   * past {@code nextUpdate + grace}.
   */
  public static FederationDirectory verify(
      String jws, FederationRoot root, Instant now, Duration grace) {
    Jws.Flattened f = Jws.parseFlattened(jws);
    Jws.Header h = Jws.parseHeader(f.protectedB64(), TYP);
    root.requireChain(h.x5c());
    X509Certificate leaf = h.x5c().get(0);
    if (JwsAlgorithm.forKey(leaf.getPublicKey()).orElse(null) != h.alg()) {
      throw new FedgateException(TrustError.ALGORITHM_KEY_MISMATCH, "directory signer");
    }
    root.requireValidAt(h.x5c(), now, "now");
    if (!Certificates.allowsDocumentSigning(leaf)
        || !Certificates.sanUris(leaf).contains(Certificates.DIRECTORY_URI)) {
      throw new FedgateException(TrustError.KEY_USAGE_INVALID, "not a directory signer");
    }
    if (!Certificates.thumbprint(leaf).equals(h.kid())) {
      throw new FedgateException(TrustError.UNKNOWN_KEY_ID, "kid does not name the x5c leaf");
    }
    byte[] sig = Jws.signature(f.signatureB64(), h.alg());
    boolean ok;
    try {
      ok =
          h.alg()
              .verify(
                  Keys.toBc(leaf.getPublicKey()),
                  Jws.signingInput(f.protectedB64(), f.payloadB64()),
                  sig);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      throw new FedgateException(TrustError.DIRECTORY_SIGNATURE_INVALID, "signature");
    }
    byte[] payload = Jws.b64url(f.payloadB64(), "payload");
    DirectoryDocument doc;
    try {
      JsonNode node = Jws.JSON.readTree(payload);
      doc = Jws.JSON.treeToValue(node, DirectoryDocument.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new FedgateException(TrustError.DIRECTORY_INVALID, "payload does not match schema");
    }
    if (doc == null) {
      throw new FedgateException(TrustError.DIRECTORY_INVALID, "empty payload");
    }
    FederationDirectory dir = new FederationDirectory(doc, jws);
    dir.requireFresh(now, grace);
    return dir;
  }

  /** Refuses a directory past {@code nextUpdate + grace}. */
  public void requireFresh(Instant now, Duration grace) {
    if (now.isAfter(document.nextUpdate().plus(grace))) {
      throw new FedgateException(
          TrustError.DIRECTORY_STALE, "version " + document.version() + " past nextUpdate");
    }
  }

  public DirectoryDocument document() {
    return document;
  }

  /** The signed text this snapshot came from (to republish or cache). */
  public String jws() {
    return jws;
  }

  public long version() {
    return document.version();
  }

  /** The members in directory order. */
  public Collection<DirectoryDocument.Member> members() {
    return document.members();
  }

  public Optional<DirectoryDocument.Member> findMember(AgencyId agency) {
    return Optional.ofNullable(members.get(agency));
  }

  /** The member entry, or {@link TrustError#UNKNOWN_MEMBER}. */
  public DirectoryDocument.Member member(AgencyId agency) {
    DirectoryDocument.Member m = members.get(agency);
    if (m == null) {
      throw new FedgateException(TrustError.UNKNOWN_MEMBER, "agency " + agency);
    }
    return m;
  }

  /**
   * The member whose listed TLS certificate is exactly {@code peer} (the mutual-TLS client), or
   * {@link TrustError#UNKNOWN_MEMBER}; {@link TrustError#CERTIFICATE_REVOKED} if revoked.
   */
  public AgencyId memberByTlsCertificate(X509Certificate peer) {
    AgencyId agency = tlsByThumbprint.get(Certificates.thumbprint(peer));
    if (agency == null) {
      throw new FedgateException(TrustError.UNKNOWN_MEMBER, "TLS certificate not listed");
    }
    if (isRevoked(peer)) {
      throw new FedgateException(TrustError.CERTIFICATE_REVOKED, "TLS certificate of " + agency);
    }
    return agency;
  }

  /** The member's signing certificates. */
  public List<X509Certificate> signingCertificates(AgencyId agency) {
    return member(agency).signingCertificates().stream().map(b64 -> decode(b64, agency)).toList();
  }

  /** Whether the directory lists the certificate's serial as revoked. */
  public boolean isRevoked(X509Certificate cert) {
    return revoked.contains(cert.getSerialNumber());
  }

  SigningKey signingKey(String kid) {
    return signingKeys.get(kid);
  }

  @Override
  public String toString() {
    return "FederationDirectory[version=" + version() + ", members=" + members.keySet() + "]";
  }
}
