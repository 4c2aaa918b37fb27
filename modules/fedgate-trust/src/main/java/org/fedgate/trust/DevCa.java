package org.fedgate.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fedgate.model.AgencyId;

/**
 * A development certificate authority (Bouncy Castle): issues the federation's signing, TLS,
 * identity-provider and directory-signer certificates and the CRL. Development and tests only.
 */
public final class DevCa {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final KeyPurposeId DOCUMENT_SIGNING =
      KeyPurposeId.getInstance(
          new org.bouncycastle.asn1.ASN1ObjectIdentifier(Certificates.EKU_DOCUMENT_SIGNING));

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private DevCa(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** A new self-signed P-256 root CA. */
  public static DevCa createRoot(String commonName, Instant notBefore, Instant notAfter) {
    try {
      KeyPair kp = newKeyPair(JwsAlgorithm.ES256);
      X500Name name = new X500Name("CN=" + commonName + ",O=fedgate development federation");
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name, serial(), Date.from(notBefore), Date.from(notAfter), name, kp.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
      return new DevCa(kp, convert(b.build(signer(kp.getPrivate()))));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot create the development root", e);
    }
  }

  /** Wraps an existing CA key and certificate (e.g. loaded from {@code root-ca.p12}). */
  public static DevCa of(PrivateKey key, X509Certificate cert) {
    return new DevCa(new KeyPair(cert.getPublicKey(), key), cert);
  }

  /** A fresh key pair: P-256 for ES256, Ed25519 for EdDSA (Bouncy Castle). */
  public static KeyPair newKeyPair(JwsAlgorithm alg) {
    try {
      if (alg == JwsAlgorithm.ES256) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
      }
      return KeyPairGenerator.getInstance("Ed25519", Bc.PROVIDER).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("key generation failed", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /** A gateway signing certificate: digitalSignature, documentSigning, agency SAN URI. */
  public X509Certificate issueSigning(
      AgencyId agency, PublicKey key, Instant notBefore, Instant notAfter) {
    return issue(
        "CN=" + agency + " gateway signing,O=" + agency,
        key,
        notBefore,
        notAfter,
        KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
        new KeyPurposeId[] {DOCUMENT_SIGNING},
        List.of(
            new GeneralName(
                GeneralName.uniformResourceIdentifier, Certificates.AGENCY_URI_PREFIX + agency)));
  }

  /** A mutual-TLS certificate: serverAuth and clientAuth, SAN localhost and 127.0.0.1. */
  public X509Certificate issueTls(
      AgencyId agency,
      PublicKey key,
      Instant notBefore,
      Instant notAfter,
      List<String> dnsNames,
      List<String> ipAddresses) {
    List<GeneralName> sans = new ArrayList<>();
    for (String d : dnsNames) {
      sans.add(new GeneralName(GeneralName.dNSName, d));
    }
    for (String ip : ipAddresses) {
      sans.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    sans.add(
        new GeneralName(
            GeneralName.uniformResourceIdentifier, Certificates.AGENCY_URI_PREFIX + agency));
    return issue(
        "CN=" + agency + " gateway TLS,O=" + agency,
        key,
        notBefore,
        notAfter,
        KeyUsage.digitalSignature | KeyUsage.keyAgreement,
        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
        sans);
  }

  /** An identity-provider certificate for officer tokens. */
  public X509Certificate issueIdp(
      AgencyId agency, PublicKey key, Instant notBefore, Instant notAfter) {
    return issue(
        "CN=" + agency + " identity provider,O=" + agency,
        key,
        notBefore,
        notAfter,
        KeyUsage.digitalSignature,
        new KeyPurposeId[] {DOCUMENT_SIGNING},
        List.of(
            new GeneralName(
                GeneralName.uniformResourceIdentifier, Certificates.IDP_URI_PREFIX + agency)));
  }

  /** The federation directory signer. */
  public X509Certificate issueDirectorySigner(PublicKey key, Instant notBefore, Instant notAfter) {
    return issue(
        "CN=federation directory signer,O=fedgate development federation",
        key,
        notBefore,
        notAfter,
        KeyUsage.digitalSignature,
        new KeyPurposeId[] {DOCUMENT_SIGNING},
        List.of(
            new GeneralName(GeneralName.uniformResourceIdentifier, Certificates.DIRECTORY_URI)));
  }

  private X509Certificate issue(
      String subject,
      PublicKey key,
      Instant notBefore,
      Instant notAfter,
      int keyUsage,
      KeyPurposeId[] eku,
      List<GeneralName> sans) {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              certificate,
              serial(),
              Date.from(notBefore),
              Date.from(notAfter),
              new javax.security.auth.x500.X500Principal(subject),
              key);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(new GeneralName[0])));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
      b.addExtension(
          Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      return convert(b.build(signer(keyPair.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("certificate issuance failed", e);
    }
  }

  /** A CRL revoking the given serials. */
  public X509CRL crl(List<BigInteger> revoked, Instant thisUpdate, Instant nextUpdate) {
    try {
      X509v2CRLBuilder b =
          new X509v2CRLBuilder(
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      for (BigInteger s : revoked) {
        b.addCRLEntry(s, Date.from(thisUpdate), CRLReason.keyCompromise);
      }
      return new JcaX509CRLConverter()
          .setProvider(Bc.PROVIDER)
          .getCRL(b.build(signer(keyPair.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("CRL creation failed", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    String alg = "Ed25519".equals(key.getAlgorithm()) ? "Ed25519" : "SHA256withECDSA";
    return new JcaContentSignerBuilder(alg).setProvider(Bc.PROVIDER).build(key);
  }

  private static X509Certificate convert(X509CertificateHolder h) throws GeneralSecurityException {
    // converted with the JDK factory so the result behaves like any certificate read from disk
    return Certificates.fromDer(encoded(h));
  }

  private static byte[] encoded(X509CertificateHolder h) {
    try {
      return h.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  @Override
  public String toString() {
    return "DevCa[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
