package org.fedgate.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;

/**
 * A private signing key with its certificate chain, loaded once from a PKCS#12 keystore and kept as
 * a Bouncy Castle key object (unlocking a keystore per signature costs milliseconds). It never
 * prints its key.
 */
public final class SigningIdentity {

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final JwsAlgorithm algorithm;
  private final String keyId;
  private final Optional<AgencyId> agency;
  private final JwsAlgorithm.RawSigner signer;

  SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a signing identity needs its certificate");
    }
    try {
      this.privateKey = Keys.toBc(Objects.requireNonNull(privateKey, "privateKey"));
    } catch (GeneralSecurityException e) {
      throw new FedgateException(TrustError.KEYSTORE_INVALID, "unsupported private key", e);
    }
    this.chain = List.copyOf(chain);
    X509Certificate leaf = this.chain.get(0);
    this.algorithm =
        JwsAlgorithm.forKey(leaf.getPublicKey())
            .orElseThrow(
                () ->
                    new FedgateException(
                        TrustError.KEYSTORE_INVALID, "key is neither P-256 nor Ed25519"));
    this.keyId = Certificates.thumbprint(leaf);
    this.agency = Certificates.agencyOf(leaf).or(() -> Certificates.idpAgencyOf(leaf));
    try {
      this.signer = algorithm.signer(this.privateKey);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new FedgateException(TrustError.KEYSTORE_INVALID, "key cannot sign", e);
    }
  }

  /** Loads the first key entry of a PKCS#12 keystore. */
  public static SigningIdentity load(Path p12, char[] password) {
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) ks.getKey(alias, password);
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : ks.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new SigningIdentity(key, chain);
        }
      }
      throw new FedgateException(TrustError.KEYSTORE_INVALID, "no key entry in keystore");
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw new FedgateException(TrustError.KEYSTORE_INVALID, "keystore unreadable", e);
    }
  }

  /** Wraps an in-memory key and chain (leaf first). */
  public static SigningIdentity of(PrivateKey key, List<X509Certificate> chain) {
    return new SigningIdentity(key, chain);
  }

  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** The {@code kid}: base64url SHA-256 thumbprint of the leaf certificate. */
  public String keyId() {
    return keyId;
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Leaf first, without the root. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The agency named in the certificate, empty for the directory signer. */
  public Optional<AgencyId> agency() {
    return agency;
  }

  /** Signs with the JOSE algorithm of the key (ES256 raw R||S or Ed25519). */
  public byte[] sign(byte[] input) {
    try {
      return signer.sign(input);
    } catch (GeneralSecurityException e) {
      throw new FedgateException(TrustError.SIGNING_FAILED, algorithm.joseName(), e);
    }
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "SigningIdentity[kid=" + keyId + ", alg=" + algorithm.joseName() + "]";
  }
}
