package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;

/**
 * Cuts a canonical record down to what an agreement releases for a purpose, with the
 * victim-protection rules applied above the agreement. Thread-safe; one instance per gateway.
 *
 * <p>Order of precedence for every leaf: the Philippine PSN never leaves; persons of categories the
 * agreement does not cover, and sections it does not cover, are withheld whole; minors, victims of
 * unknown age (presumed minors) and non-disclosure victims keep their identifying fields (and the
 * identifiers of accounts, phones and documents they hold) out of the clear; free text needs a rule
 * that names it; then the agreement's most specific rule; default withhold.
 */
public final class Minimiser {

  private final PseudonymKeyring keyring;
  private final Clock clock;

  public Minimiser(PseudonymKeyring keyring, Clock clock) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Minimises one canonical record.
   *
   * @throws FedgateException FG-3010 purpose not allowed, FG-3011 legal basis missing, FG-3003 /
   *     FG-3004 agreement not valid now, FG-3012 not a canonical record, FG-3014 no key
   */
  public MinimisationResult minimise(
      Agreement agreement, Purpose purpose, String legalBasis, JsonNode canonical) {
    CompiledPolicy policy = checkUse(agreement, purpose, legalBasis, clock.instant());
    checkRecord(canonical);
    PseudonymKey key =
        keyring
            .keyFor(agreement)
            .orElseThrow(
                () ->
                    new FedgateException(
                        PolicyError.PSEUDONYM_KEY_MISSING,
                        "agreement " + agreement.id() + " keyRef " + agreement.pseudonymKeyRef()));
    RecordWalk walk = new RecordWalk(policy, RecordWalk.Mode.MINIMISE, key, today());
    JsonNode out = walk.run(canonical);
    policy.reportSize(walk.decisions.size());
    return new MinimisationResult(
        out, walk.decisions.build(agreement.id(), agreement.version(), purpose));
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static CompiledPolicy checkUse(
      Agreement agreement, Purpose purpose, String legalBasis, Instant now) {
    Objects.requireNonNull(agreement, "agreement");
    if (purpose == null) {
      throw new FedgateException(PolicyError.UNKNOWN_PURPOSE, "no purpose given");
    }
    if (now.isBefore(agreement.validFrom())) {
      throw new FedgateException(
          PolicyError.AGREEMENT_NOT_YET_VALID, "agreement " + agreement.id());
    }
    if (!now.isBefore(agreement.validUntil())) {
      throw new FedgateException(PolicyError.AGREEMENT_EXPIRED, "agreement " + agreement.id());
    }
    CompiledPolicy policy = agreement.compiled(purpose);
    if (policy == null) {
      throw new FedgateException(
          PolicyError.PURPOSE_NOT_ALLOWED, "agreement " + agreement.id() + " purpose " + purpose);
    }
    if (agreement.legalBasisRequired() && (legalBasis == null || legalBasis.isBlank())) {
      throw new FedgateException(
          PolicyError.LEGAL_BASIS_MISSING, "agreement " + agreement.id() + " requires one");
    }
    return policy;
  }

  static void checkRecord(JsonNode canonical) {
    if (canonical == null || !canonical.isObject()) {
      throw new FedgateException(PolicyError.RECORD_INVALID, "not a JSON object");
    }
    if (!"1.0".equals(canonical.path("acrVersion").asText())) {
      throw new FedgateException(PolicyError.RECORD_INVALID, "/acrVersion is not 1.0");
    }
  }
}
