package org.fedgate.gateway.module;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.policy.FieldDecision;
import org.fedgate.policy.Agreement;
import org.fedgate.policy.AgreementRegistry;
import org.fedgate.policy.MinimisationResult;
import org.fedgate.policy.Minimiser;
import org.fedgate.policy.OverSharingCheck;
import org.fedgate.policy.PseudonymKeyring;

/**
 * {@link RecordMinimisation} on the policy module: agreements from the registry (loaded only when
 * signed by both parties and valid now), the minimiser with per-agreement pseudonym keys, and the
 * over-sharing check for what arrives.
 */
public final class PolicyMinimisation implements RecordMinimisation {

  private final AgreementRegistry registry;
  private final Minimiser minimiser;
  private final OverSharingCheck overSharing;
  private final Clock clock;

  public PolicyMinimisation(AgreementRegistry registry, PseudonymKeyring keyring, Clock clock) {
    this.registry = registry;
    this.minimiser = new Minimiser(keyring, clock);
    this.overSharing = new OverSharingCheck(clock);
    this.clock = clock;
  }

  @Override
  public Minimised minimise(
      AgencyId from, AgencyId to, Purpose purpose, String legalBasis, JsonNode canonical) {
    Agreement a = registry.forExchange(from, to, purpose);
    requireCovered(a, legalBasis);
    MinimisationResult r = minimiser.minimise(a, purpose, legalBasis, canonical);
    List<List<String>> byAction = paths(r.report().fields());
    return new Minimised(
        r.record(),
        ref(a),
        byAction.get(FieldAction.RELEASE.ordinal()),
        byAction.get(FieldAction.GENERALISE.ordinal()),
        byAction.get(FieldAction.PSEUDONYMISE.ordinal()),
        byAction.get(FieldAction.WITHHOLD.ordinal()));
  }

  /**
   * The canonical paths ({@code *} for array items) of each action, by action ordinal, each once
   * and in report order: the audit entry lists paths only. One pass over the report (a raid record
   * has about 500 leaves).
   */
  private static List<List<String>> paths(List<FieldDecision> decisions) {
    List<Set<String>> sets = new ArrayList<>();
    for (int i = 0; i < FieldAction.values().length; i++) {
      sets.add(new LinkedHashSet<>());
    }
    for (FieldDecision d : decisions) {
      sets.get(d.action().ordinal()).add(d.canonicalPath());
    }
    List<List<String>> out = new ArrayList<>(sets.size());
    for (Set<String> set : sets) {
      out.add(new ArrayList<>(set));
    }
    return out;
  }

  @Override
  public void checkLegalBasis(AgencyId from, AgencyId to, Purpose purpose, String legalBasis) {
    requireCovered(registry.forExchange(from, to, purpose), legalBasis);
  }

  private static void requireCovered(Agreement a, String legalBasis) {
    if (legalBasis != null && !legalBasis.isBlank() && !a.legalBasisCovers(legalBasis)) {
      // the stated reference is not repeated: the agreement's own references are the useful part
      throw new FedgateException(
          PolicyError.LEGAL_BASIS_NOT_COVERED,
          "agreement " + a.id() + " rests on " + String.join(", ", a.legalBasisRefs()));
    }
  }

  @Override
  public AgreementRef checkPurpose(AgencyId from, AgencyId to, Purpose purpose) {
    return ref(registry.forExchange(from, to, purpose));
  }

  @Override
  public void checkReceived(AgencyId from, AgencyId to, Purpose purpose, JsonNode received) {
    overSharing.check(registry.forExchange(from, to, purpose), purpose, received);
  }

  @Override
  public Set<AgencyId> partnersOf(AgencyId from) {
    return registry.all().stream()
        .filter(a -> a.from().equals(from) && a.isValidAt(clock.instant()))
        .map(Agreement::to)
        .collect(Collectors.toSet());
  }

  @Override
  public Optional<Retention> retention(AgencyId from, AgencyId to) {
    return registry.find(from, to).map(a -> new Retention(ref(a), a.retention()));
  }

  private static AgreementRef ref(Agreement a) {
    return new AgreementRef(
        a.id(),
        a.version(),
        Set.copyOf(a.handlingCodes().isEmpty() ? List.of(HandlingCode.H0) : a.handlingCodes()));
  }
}
