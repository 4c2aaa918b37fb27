package org.fedgate.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * Mutual-TLS material for Jetty/CXF: the gateway's TLS key from its PKCS#12 file, and a PKIX trust
 * manager that trusts only the federation root and checks the root's CRL (revoked members fail the
 * handshake). After the handshake, map the peer certificate to a member with {@link
 * FederationDirectory#memberByTlsCertificate}.
 */
public final class TlsMaterial {

  private final KeyStore keyStore;
  private final char[] password;
  private final X509Certificate certificate;
  private final KeyManager[] keyManagers;
  private final TrustManager[] trustManagers;
  private final KeyStore trustStore;

  private TlsMaterial(
      KeyStore keyStore,
      char[] password,
      X509Certificate certificate,
      KeyManager[] keyManagers,
      TrustManager[] trustManagers,
      KeyStore trustStore) {
    this.keyStore = keyStore;
    this.password = password;
    this.certificate = certificate;
    this.keyManagers = keyManagers;
    this.trustManagers = trustManagers;
    this.trustStore = trustStore;
  }

  /**
   * @param tlsP12 the gateway's {@code tls.p12}
   * @param crls revocation lists of the root (empty disables revocation checking)
   */
  public static TlsMaterial load(
      Path tlsP12, char[] password, FederationRoot root, Collection<X509CRL> crls) {
    try {
      KeyStore ks = Pkcs12.load(tlsP12, password);
      X509Certificate cert = null;
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          cert = (X509Certificate) ks.getCertificate(alias);
        }
      }
      if (cert == null) {
        throw new FedgateException(TrustError.TLS_MATERIAL_INVALID, "no key entry");
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);

      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      ts.setCertificateEntry("federation-root", root.certificate());
      PKIXBuilderParameters params =
          new PKIXBuilderParameters(
              Set.of(new TrustAnchor(root.certificate(), null)), new X509CertSelector());
      params.addCertStore(
          CertStore.getInstance(
              "Collection", new CollectionCertStoreParameters(List.copyOf(crls))));
      params.setRevocationEnabled(!crls.isEmpty());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(new CertPathTrustManagerParameters(params));
      return new TlsMaterial(
          ks, password.clone(), cert, kmf.getKeyManagers(), tmf.getTrustManagers(), ts);
    } catch (IOException | GeneralSecurityException e) {
      throw new FedgateException(TrustError.TLS_MATERIAL_INVALID, "TLS keystore or trust", e);
    }
  }

  /** Loads with the root's CRL from a PEM/DER file. */
  public static TlsMaterial load(Path tlsP12, char[] password, FederationRoot root, Path crlFile) {
    try {
      return load(tlsP12, password, root, List.of(Certificates.readCrl(crlFile)));
    } catch (IOException | java.security.cert.CRLException e) {
      throw new FedgateException(TrustError.TLS_MATERIAL_INVALID, "CRL unreadable", e);
    }
  }

  /** A TLS 1.3/1.2 context with both key and trust managers (use for server and client). */
  public SSLContext sslContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers, trustManagers, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new FedgateException(TrustError.TLS_MATERIAL_INVALID, "SSLContext", e);
    }
  }

  public KeyManager[] keyManagers() {
    return keyManagers.clone();
  }

  public TrustManager[] trustManagers() {
    return trustManagers.clone();
  }

  /** The loaded key store (for {@code SslContextFactory.setKeyStore}). */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** The key store password (for {@code SslContextFactory.setKeyStorePassword}). */
  public char[] keyStorePassword() {
    return password.clone();
  }

  /** A trust store holding only the federation root (for {@code setTrustStore}). */
  public KeyStore trustStore() {
    return trustStore;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public String toString() {
    return "TlsMaterial[" + Certificates.thumbprint(certificate) + "]";
  }
}
