package org.fedgate.trust;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.TrustError;
import org.fedgate.model.spi.VerifiedDocument;

/**
 * Verifies a general-serialization JWS: every signature must verify against the directory (one bad
 * signature refuses the whole document; nothing is silently dropped), each agency signs once.
 */
public final class MultiPartyVerifier {

  private final DirectoryHolder directory;
  private final SignatureChecker checker;

  public MultiPartyVerifier(DirectoryHolder directory, String typ) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.checker = new SignatureChecker(directory.root(), typ);
  }

  public MultiPartyVerifier(DirectoryHolder directory) {
    this(directory, MultiPartySigner.AGREEMENT_TYP);
  }

  public VerifiedDocument verify(String generalJws, Instant now) {
    Jws.General g = Jws.parseGeneral(generalJws);
    FederationDirectory dir = directory.current(now);
    Set<AgencyId> signers = new LinkedHashSet<>();
    for (Jws.SignaturePart s : g.signatures()) {
      Jws.Header h = checker.header(s.protectedB64());
      SignatureChecker.Signer signer =
          checker.verify(h, s.protectedB64(), g.payloadB64(), s.signatureB64(), dir, now);
      if (!signers.add(signer.agency())) {
        throw new FedgateException(
            TrustError.MALFORMED_JWS, "two signatures by " + signer.agency());
      }
    }
    return new VerifiedDocument(Jws.b64url(g.payloadB64(), "payload"), signers);
  }

  /** Verifies and requires every agency in {@code required} among the signers. */
  public VerifiedDocument verify(String generalJws, Set<AgencyId> required, Instant now) {
    VerifiedDocument d = verify(generalJws, now);
    for (AgencyId a : required) {
      if (!d.signers().contains(a)) {
        throw new FedgateException(TrustError.SIGNATURES_MISSING, "no signature by " + a);
      }
    }
    return d;
  }
}
