package org.fedgate.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** PKCS#12 keystore files (JDK format, readable by Jetty, CXF and keytool). */
public final class Pkcs12 {

  private Pkcs12() {}

  /** Writes a keystore with one key entry and its chain (leaf first). */
  public static void writeKey(
      Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
      throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, password);
      ks.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
      store(ks, file, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("keystore could not be written", e);
    }
  }

  /** Writes a trust store holding trusted certificates. */
  public static void writeTrust(Path file, List<X509Certificate> trusted, char[] password)
      throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, password);
      int i = 0;
      for (X509Certificate c : trusted) {
        ks.setCertificateEntry("trusted-" + i++, c);
      }
      store(ks, file, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("trust store could not be written", e);
    }
  }

  /** Loads a keystore. */
  public static KeyStore load(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return ks;
    }
  }

  private static void store(KeyStore ks, Path file, char[] password)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password);
    }
  }
}
