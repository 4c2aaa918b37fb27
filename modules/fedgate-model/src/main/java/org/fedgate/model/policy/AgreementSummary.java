package org.fedgate.model.policy;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.Purpose;

/**
 * The facts about a loaded exchange agreement that the gateway stamps on envelopes and the audit
 * trail records: id, version, direction, purposes, handling codes, retention and validity.
 */
public record AgreementSummary(
    String id,
    String version,
    AgencyId from,
    AgencyId to,
    Set<Purpose> purposes,
    List<HandlingCode> handlingCodes,
    Period retention,
    Instant validFrom,
    Instant validUntil) {

  public AgreementSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    purposes = Set.copyOf(purposes);
    handlingCodes = List.copyOf(handlingCodes);
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
  }
}
