package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;

/**
 * {@link Minimiser#minimise} and {@link OverSharingCheck#offendingPaths} on the frozen {@link
 * ReferenceWalk}: what the production code must keep doing, byte for byte.
 */
final class ReferenceMinimiser {

  private final PseudonymKeyring keyring;
  private final Clock clock;

  ReferenceMinimiser(PseudonymKeyring keyring, Clock clock) {
    this.keyring = keyring;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  MinimisationResult minimise(
      Agreement agreement, Purpose purpose, String legalBasis, JsonNode canonical) {
    CompiledPolicy policy = Minimiser.checkUse(agreement, purpose, legalBasis, clock.instant());
    Minimiser.checkRecord(canonical);
    PseudonymKey key =
        keyring
            .keyFor(agreement)
            .orElseThrow(
                () ->
                    new FedgateException(
                        PolicyError.PSEUDONYM_KEY_MISSING,
                        "agreement " + agreement.id() + " keyRef " + agreement.pseudonymKeyRef()));
    ReferenceWalk walk = new ReferenceWalk(policy, ReferenceWalk.Mode.MINIMISE, key, today());
    JsonNode out = walk.run(canonical);
    return new MinimisationResult(
        out, walk.decisions.build(agreement.id(), agreement.version(), purpose));
  }

  List<String> offendingPaths(Agreement agreement, Purpose purpose, JsonNode received) {
    CompiledPolicy policy =
        Minimiser.checkUse(agreement, purpose, "stated in the envelope", clock.instant());
    Minimiser.checkRecord(received);
    ReferenceWalk walk = new ReferenceWalk(policy, ReferenceWalk.Mode.CHECK, null, today());
    walk.run(received);
    return List.copyOf(walk.offending);
  }
}
