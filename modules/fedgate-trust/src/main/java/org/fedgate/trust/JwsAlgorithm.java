package org.fedgate.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.util.BigIntegers;

/**
 * The only two JWS algorithms fedgate accepts: {@code ES256} (ECDSA P-256, SHA-256, raw R||S
 * signature) and {@code EdDSA} (Ed25519). Everything else, {@code none} and HMAC included, is
 * refused before any key is touched.
 */
public enum JwsAlgorithm {
  ES256("ES256", "SHA256withPLAIN-ECDSA"),
  EDDSA("EdDSA", "Ed25519");

  private final String joseName;
  private final String jcaName;

  JwsAlgorithm(String joseName, String jcaName) {
    this.joseName = joseName;
    this.jcaName = jcaName;
  }

  /** The JOSE {@code alg} value. */
  public String joseName() {
    return joseName;
  }

  /** Looks up an accepted algorithm by its JOSE name (case-sensitive, as RFC 7515 requires). */
  public static Optional<JwsAlgorithm> fromJose(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.joseName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The algorithm that fits a public key, if any. */
  public static Optional<JwsAlgorithm> forKey(PublicKey key) {
    String alg = key.getAlgorithm();
    if ("EC".equals(alg) || "ECDSA".equals(alg)) {
      return Keys.isP256(key) ? Optional.of(ES256) : Optional.empty();
    }
    if ("Ed25519".equals(alg) || "EdDSA".equals(alg)) {
      return Optional.of(EDDSA);
    }
    return Optional.empty();
  }

  /** A signing operation with its key prepared once. Thread-safe. */
  interface RawSigner {
    byte[] sign(byte[] input) throws GeneralSecurityException;
  }

  /** A verification operation with its key prepared once. Thread-safe. */
  interface RawVerifier {
    boolean verify(byte[] input, byte[] signature);
  }

  /**
   * Prepares a Bouncy Castle signer. ES256 hashes with the JDK's SHA-256 (CPU-intrinsic, several
   * times faster than a pure-Java digest on 4 KiB) and signs the digest with Bouncy Castle's ECDSA
   * using deterministic nonces (RFC 6979: no dependence on the random generator per signature).
   */
  RawSigner signer(PrivateKey bcKey) throws GeneralSecurityException {
    if (this == ES256) {
      ECPrivateKeyParameters p = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(bcKey);
      return input -> {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, p);
        BigInteger[] rs = s.generateSignature(sha256(input));
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
        return out;
      };
    }
    return input -> {
      Signature s = Signature.getInstance(jcaName, Bc.PROVIDER);
      s.initSign(bcKey);
      s.update(input);
      return s.sign();
    };
  }

  /** Prepares a Bouncy Castle verifier (the key's precomputation is reused across calls). */
  RawVerifier verifier(PublicKey bcKey) throws GeneralSecurityException {
    if (this == ES256) {
      ECPublicKeyParameters q = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(bcKey);
      return (input, signature) -> {
        if (signature.length != 64) {
          return false; // JWS ES256 signatures are exactly R||S, 32 bytes each
        }
        ECDSASigner v = new ECDSASigner();
        v.init(false, q);
        return v.verifySignature(
            sha256(input),
            new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
      };
    }
    return (input, signature) -> {
      if (signature.length != 64) {
        return false;
      }
      try {
        Signature s = Signature.getInstance(jcaName, Bc.PROVIDER);
        s.initVerify(bcKey);
        s.update(input);
        return s.verify(signature);
      } catch (GeneralSecurityException | RuntimeException e) {
        return false;
      }
    };
  }

  byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
    return signer(key).sign(input);
  }

  boolean verify(PublicKey key, byte[] input, byte[] signature) {
    try {
      return verifier(key).verify(input, signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
