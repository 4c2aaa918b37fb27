package org.fedgate.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;
import org.fedgate.model.spi.VerifiedDocument;

/**
 * The agreements a gateway has loaded, found by id or by direction. Only one version of an
 * agreement id is current: loading a newer version replaces the older one. Look-ups re-check
 * validity, so an agreement that expires while loaded stops working.
 */
public final class AgreementRegistry {

  private final Clock clock;
  private final Map<String, Agreement> byId = new ConcurrentHashMap<>();

  public AgreementRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Loads a signed agreement (see {@link AgreementLoader#load}) and registers it. */
  public Agreement load(VerifiedDocument document) {
    return register(AgreementLoader.load(document, clock));
  }

  /**
   * Registers an agreement that is already loaded.
   *
   * @throws FedgateException FG-3015 when the same id and version is offered with other content, or
   *     an older version than the loaded one
   */
  public synchronized Agreement register(Agreement agreement) {
    Agreement current = byId.get(agreement.id());
    if (current != null) {
      int cmp = compareVersions(agreement.version(), current.version());
      if (cmp == 0 && current.digest().equals(agreement.digest())) {
        return current; // the same document again: nothing changes
      }
      if (cmp <= 0) {
        throw new FedgateException(
            PolicyError.AGREEMENT_CONFLICT,
            "agreement "
                + agreement.id()
                + " v"
                + agreement.version()
                + " vs loaded v"
                + current.version());
      }
    }
    for (Agreement other : byId.values()) {
      if (!other.id().equals(agreement.id())
          && other.from().equals(agreement.from())
          && other.to().equals(agreement.to())) {
        throw new FedgateException(
            PolicyError.AGREEMENT_CONFLICT,
            "agreements " + other.id() + " and " + agreement.id() + " cover the same direction");
      }
    }
    byId.put(agreement.id(), agreement);
    return agreement;
  }

  /**
   * The agreement with this id, valid now.
   *
   * @throws FedgateException FG-3009 unknown, FG-3003 / FG-3004 not valid now
   */
  public Agreement byId(String id) {
    Agreement a = byId.get(id);
    if (a == null) {
      throw new FedgateException(PolicyError.AGREEMENT_UNKNOWN, "agreement " + id);
    }
    AgreementLoader.checkValidity(a, clock.instant());
    return a;
  }

  /**
   * The agreement for sending from one agency to another for a purpose.
   *
   * @throws FedgateException FG-3009 none for that direction, FG-3010 purpose not allowed, FG-3003
   *     / FG-3004 not valid now
   */
  public Agreement forExchange(AgencyId from, AgencyId to, Purpose purpose) {
    Agreement a =
        find(from, to)
            .orElseThrow(
                () ->
                    new FedgateException(
                        PolicyError.AGREEMENT_UNKNOWN, "no agreement " + from + " -> " + to));
    AgreementLoader.checkValidity(a, clock.instant());
    if (!a.purposes().contains(purpose)) {
      throw new FedgateException(
          PolicyError.PURPOSE_NOT_ALLOWED, "agreement " + a.id() + " purpose " + purpose);
    }
    return a;
  }

  /** The agreement for a direction, valid or not. */
  public Optional<Agreement> find(AgencyId from, AgencyId to) {
    return byId.values().stream()
        .filter(a -> a.from().equals(from) && a.to().equals(to))
        .findFirst();
  }

  public Collection<Agreement> all() {
    return List.copyOf(new ArrayList<>(byId.values()));
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
      int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    return 0;
  }
}
