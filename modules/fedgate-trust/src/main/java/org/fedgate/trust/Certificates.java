package org.fedgate.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.fedgate.model.AgencyId;

/** Certificate helpers: DER/PEM, thumbprints and the fedgate identity URIs in the SAN. */
public final class Certificates {

  /** SAN URI prefix naming the agency a certificate belongs to. */
  public static final String AGENCY_URI_PREFIX = "urn:fedgate:agency:";

  /** SAN URI of the federation directory signer. */
  public static final String DIRECTORY_URI = "urn:fedgate:directory";

  /** SAN URI prefix of an agency's identity provider (officer tokens). */
  public static final String IDP_URI_PREFIX = "urn:fedgate:idp:";

  /** RFC 9336 id-kp-documentSigning: required on envelope, directory and token signing certs. */
  public static final String EKU_DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

  private static final int SAN_URI = 6;

  private Certificates() {}

  /** Parses one DER certificate. */
  public static X509Certificate fromDer(byte[] der) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** Reads every certificate in a PEM (or DER) file. */
  public static List<X509Certificate> readAll(Path file) throws IOException, CertificateException {
    byte[] bytes = Files.readAllBytes(file);
    Collection<? extends java.security.cert.Certificate> certs =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(bytes));
    List<X509Certificate> out = new ArrayList<>();
    for (var c : certs) {
      out.add((X509Certificate) c);
    }
    return out;
  }

  /** Reads one CRL from a PEM or DER file. */
  public static X509CRL readCrl(Path file) throws IOException, java.security.cert.CRLException {
    try {
      return (X509CRL)
          CertificateFactory.getInstance("X.509")
              .generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
    } catch (CertificateException e) {
      throw new java.security.cert.CRLException(e);
    }
  }

  /** PEM text for a certificate. */
  public static String toPem(X509Certificate cert) {
    return pem("CERTIFICATE", der(cert));
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static byte[] der(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }

  /** The base64url (unpadded) SHA-256 of the DER certificate: fedgate's {@code kid}. */
  public static String thumbprint(X509Certificate cert) {
    return thumbprint(der(cert));
  }

  static String thumbprint(byte[] der) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(der));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }

  /** The base64url (unpadded) SHA-256 of arbitrary bytes. */
  public static String sha256Base64Url(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data));
  }

  /** The URIs in the subject alternative names. */
  public static List<String> sanUris(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() >= 2 && Integer.valueOf(SAN_URI).equals(san.get(0))) {
            out.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // an unparsable SAN names no one
    }
    return out;
  }

  /** The agency named by a {@code urn:fedgate:agency:} SAN URI, if any. */
  public static Optional<AgencyId> agencyOf(X509Certificate cert) {
    return uriSuffix(cert, AGENCY_URI_PREFIX);
  }

  /** The agency of an identity-provider certificate ({@code urn:fedgate:idp:}), if any. */
  public static Optional<AgencyId> idpAgencyOf(X509Certificate cert) {
    return uriSuffix(cert, IDP_URI_PREFIX);
  }

  private static Optional<AgencyId> uriSuffix(X509Certificate cert, String prefix) {
    for (String uri : sanUris(cert)) {
      if (uri.startsWith(prefix)) {
        try {
          return Optional.of(AgencyId.of(uri.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Whether an end-entity certificate may sign documents (digitalSignature + documentSigning). */
  static boolean allowsDocumentSigning(X509Certificate cert) {
    boolean[] ku = cert.getKeyUsage();
    if (ku == null || !ku[0] || cert.getBasicConstraints() >= 0) {
      return false;
    }
    try {
      List<String> eku = cert.getExtendedKeyUsage();
      return eku != null && eku.contains(EKU_DOCUMENT_SIGNING);
    } catch (CertificateParsingException e) {
      return false;
    }
  }
}
