package org.fedgate.audit.verify;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import org.fedgate.audit.SignedCheckpoint;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;

/** Verifies checkpoint signatures with the JDK alone and the gateway's certificate. */
public final class CheckpointSignatures {

  private CheckpointSignatures() {}

  /** Reads an X.509 certificate in PEM or DER form. */
  public static X509Certificate readCertificate(byte[] pemOrDer) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(pemOrDer));
    } catch (CertificateException | ClassCastException e) {
      throw new FedgateException(AuditError.CERTIFICATE_INVALID, "not an X.509 certificate");
    }
  }

  /** True when the checkpoint's signature verifies with the certificate's key. */
  public static boolean verify(SignedCheckpoint cp, X509Certificate certificate) {
    PublicKey key = certificate.getPublicKey();
    String jca;
    if ("ES256".equals(cp.algorithm())) {
      if (!(key instanceof ECPublicKey)) {
        return false;
      }
      jca = "SHA256withECDSAinP1363Format";
    } else if ("EdDSA".equals(cp.algorithm())) {
      if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
        return false;
      }
      jca = "Ed25519";
    } else {
      return false;
    }
    try {
      Signature s = Signature.getInstance(jca);
      s.initVerify(key);
      s.update(cp.checkpoint().signedMessage());
      return s.verify(cp.signatureBytes());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
