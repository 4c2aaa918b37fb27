package org.fedgate.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * The pinned federation root certificate. Every signing, TLS and directory certificate must chain
 * to it; a chain is at most 5 certificates.
 */
public final class FederationRoot {

  /** Longest accepted chain (leaf included). */
  public static final int MAX_CHAIN = 5;

  /** How many verified chains are remembered (a federation has a few per member). */
  static final int MAX_REMEMBERED = 1024;

  private final X509Certificate root;
  private final byte[] rootDer;
  private final java.util.Set<ChainKey> verifiedChains =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public FederationRoot(X509Certificate root) {
    this.root = Objects.requireNonNull(root, "root");
    this.rootDer = Certificates.der(root);
    if (root.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("the federation root must be a CA certificate");
    }
  }

  /** Reads the pinned root from a PEM or DER file (the first certificate in it). */
  public static FederationRoot fromFile(Path file) {
    try {
      List<X509Certificate> certs = Certificates.readAll(file);
      if (certs.isEmpty()) {
        throw new FedgateException(TrustError.TLS_MATERIAL_INVALID, "no certificate in root file");
      }
      return new FederationRoot(certs.get(0));
    } catch (IOException | CertificateException e) {
      throw new FedgateException(TrustError.TLS_MATERIAL_INVALID, "root file unreadable", e);
    }
  }

  public X509Certificate certificate() {
    return root;
  }

  /**
   * Checks that {@code chain} (leaf first) chains to this root by signatures and names, with CA
   * constraints on every issuer. Time validity and revocation are checked separately.
   *
   * @throws FedgateException {@link TrustError#CHAIN_TOO_LARGE} or {@link
   *     TrustError#CERTIFICATE_UNTRUSTED}
   */
  public void requireChain(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new FedgateException(TrustError.CERTIFICATE_UNTRUSTED, "empty chain");
    }
    if (chain.size() > MAX_CHAIN) {
      throw new FedgateException(TrustError.CHAIN_TOO_LARGE, "chain of " + chain.size());
    }
    // every envelope and receipt of a partner carries the same chain: its signatures are checked
    // once and remembered by the digest of the exact certificates (time validity and revocation
    // are checked on every use, apart from this)
    ChainKey key = ChainKey.of(chain);
    if (verifiedChains.contains(key)) {
      return;
    }
    verifyChain(chain);
    if (verifiedChains.size() >= MAX_REMEMBERED) {
      verifiedChains.clear(); // bounded; forgetting only costs a re-verification
    }
    verifiedChains.add(key);
  }

  /** SHA-256 over the DER of each certificate of a chain, in order. */
  private record ChainKey(String digest) {
    static ChainKey of(List<X509Certificate> chain) {
      try {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        for (X509Certificate c : chain) {
          byte[] der = Certificates.der(c);
          md.update((byte) (der.length >>> 24));
          md.update((byte) (der.length >>> 16));
          md.update((byte) (der.length >>> 8));
          md.update((byte) der.length);
          md.update(der);
        }
        return new ChainKey(java.util.HexFormat.of().formatHex(md.digest()));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing", e);
      }
    }
  }

  private void verifyChain(List<X509Certificate> chain) {
    try {
      for (int i = 0; i < chain.size(); i++) {
        X509Certificate cert = chain.get(i);
        if (Arrays.equals(Certificates.der(cert), rootDer)) {
          if (i == 0) {
            throw untrusted("the root cannot sign documents", i);
          }
          return; // reached the pinned root itself
        }
        X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : root;
        if (i + 1 < chain.size() && Arrays.equals(Certificates.der(issuer), rootDer)) {
          issuer = root;
        }
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
          throw untrusted("issuer name does not match", i);
        }
        if (issuer.getBasicConstraints() < 0) {
          throw untrusted("issuer is not a CA", i);
        }
        boolean[] ku = issuer.getKeyUsage();
        if (ku != null && !ku[5]) {
          throw untrusted("issuer may not sign certificates", i);
        }
        cert.verify(Keys.toBc(issuer.getPublicKey()), Bc.PROVIDER);
        if (issuer == root) {
          return;
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof FedgateException fe) {
        throw fe;
      }
      throw new FedgateException(TrustError.CERTIFICATE_UNTRUSTED, "chain signature invalid", e);
    }
    throw new FedgateException(TrustError.CERTIFICATE_UNTRUSTED, "chain does not reach the root");
  }

  /** Checks every certificate of the chain and the root is valid at {@code at}. */
  void requireValidAt(List<X509Certificate> chain, Instant at, String when) {
    Date d = Date.from(at);
    for (X509Certificate c : chain) {
      checkValid(c, d, when);
    }
    checkValid(root, d, when);
  }

  private static void checkValid(X509Certificate c, Date d, String when) {
    try {
      c.checkValidity(d);
    } catch (CertificateException e) {
      throw new FedgateException(TrustError.CERTIFICATE_EXPIRED, "not valid " + when);
    }
  }

  private static FedgateException untrusted(String reason, int index) {
    return new FedgateException(
        TrustError.CERTIFICATE_UNTRUSTED, reason + " at chain index " + index);
  }
}
