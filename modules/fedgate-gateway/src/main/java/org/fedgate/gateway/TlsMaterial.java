package org.fedgate.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Key and trust managers for mutual TLS between gateways: this gateway's TLS key (PKCS#12, loaded
 * once) and the federation root as the only trust anchor. Membership and revocation are checked
 * against the directory after the handshake.
 */
public final class TlsMaterial {

  private final KeyManager[] keyManagers;
  private final TrustManager[] trustManagers;
  private final SSLContext sslContext;

  public TlsMaterial(GatewayConfig.Tls tls) {
    try {
      this.keyManagers = loadKeyManagers(tls.keystore(), tls.password(), tls.alias());
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      int i = 0;
      for (X509Certificate c : readCertificates(tls.trustedRoot())) {
        ts.setCertificateEntry("root-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ts);
      this.trustManagers = tmf.getTrustManagers();
      this.sslContext = SSLContext.getInstance("TLS");
      sslContext.init(keyManagers, trustManagers, null);
    } catch (IOException | GeneralSecurityException e) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "tls keystore or trustedRoot unreadable", e);
    }
  }

  /**
   * The server key of the agency API when it serves HTTPS ({@code agencyApi.tls}): no client
   * certificate is asked for there, officers present bearer tokens.
   */
  public static KeyManager[] serverKeyManagers(GatewayConfig.Keystore keystore) {
    try {
      return loadKeyManagers(keystore.keystore(), keystore.password(), keystore.alias());
    } catch (IOException | GeneralSecurityException e) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "agencyApi.tls keystore unreadable", e);
    }
  }

  private static KeyManager[] loadKeyManagers(
      Path keystore, GatewayConfig.Secret password, String alias)
      throws IOException, GeneralSecurityException {
    char[] pass = password == null ? new char[0] : password.chars();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, pass);
    }
    if (alias != null) {
      if (!ks.isKeyEntry(alias)) {
        throw new GeneralSecurityException("no key entry under the configured alias");
      }
      // keep only the configured entry so the server presents the right certificate
      for (String a : java.util.Collections.list(ks.aliases())) {
        if (!a.equals(alias)) {
          ks.deleteEntry(a);
        }
      }
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    return kmf.getKeyManagers();
  }

  /** Reads PEM or DER certificates, or the certificates of a PKCS#12 trust store. */
  static Collection<X509Certificate> readCertificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      @SuppressWarnings("unchecked")
      Collection<X509Certificate> certs =
          (Collection<X509Certificate>)
              CertificateFactory.getInstance("X.509").generateCertificates(in);
      return certs;
    }
  }

  public KeyManager[] keyManagers() {
    return keyManagers.clone();
  }

  public TrustManager[] trustManagers() {
    return trustManagers.clone();
  }

  public SSLContext sslContext() {
    return sslContext;
  }
}
