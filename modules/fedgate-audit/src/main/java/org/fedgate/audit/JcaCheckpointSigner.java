package org.fedgate.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.Objects;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.spi.CheckpointSigner;

/**
 * A {@link CheckpointSigner} on the JDK's own providers (ES256 in P1363 form, or Ed25519), for
 * tests and for a gateway without the trust module's Bouncy Castle signer. Checkpoints are signed
 * about once a second, so the JDK's slower signatures do not matter here.
 */
public final class JcaCheckpointSigner implements CheckpointSigner {
  private final PrivateKey key;
  private final byte[] certificateDer;
  private final String algorithm;
  private final String keyId;

  public JcaCheckpointSigner(PrivateKey key, X509Certificate certificate) {
    this.key = Objects.requireNonNull(key, "key");
    try {
      this.certificateDer = certificate.getEncoded();
      this.keyId =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificateDer));
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new FedgateException(AuditError.CERTIFICATE_INVALID, "cannot encode certificate", e);
    }
    if (key instanceof ECPrivateKey) {
      this.algorithm = "ES256";
    } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
      this.algorithm = "EdDSA";
    } else {
      throw new FedgateException(AuditError.CERTIFICATE_INVALID, "key must be EC P-256 or Ed25519");
    }
  }

  /** Loads the key and certificate under {@code alias} from a PKCS#12 file. */
  public static JcaCheckpointSigner fromPkcs12(Path file, char[] password, String alias) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return new JcaCheckpointSigner(
          (PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias));
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw new FedgateException(AuditError.CERTIFICATE_INVALID, "cannot load PKCS#12 key", e);
    }
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public byte[] certificateDer() {
    return certificateDer.clone();
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature s =
          Signature.getInstance(
              "ES256".equals(algorithm) ? "SHA256withECDSAinP1363Format" : "Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new FedgateException(AuditError.SIGNING_FAILED, algorithm, e);
    }
  }

  @Override
  public String toString() {
    return "JcaCheckpointSigner[" + algorithm + ", kid=" + keyId + "]";
  }
}
