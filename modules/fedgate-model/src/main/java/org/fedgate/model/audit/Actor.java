package org.fedgate.model.audit;

import java.util.Objects;
import org.fedgate.model.AgencyId;

/**
 * Who performed an audited operation: the agency, and for human actions the officer's account id
 * and role. A system action (for example a retry) has no officer.
 */
public record Actor(AgencyId agency, String officerId, String role) {

  public Actor {
    AuditFields.required(agency, "actor/agency");
    officerId = AuditFields.optional(officerId, AuditFields.OFFICER, "actor/officerId");
    role = AuditFields.optional(role, AuditFields.ROLE, "actor/role");
  }

  /** An action the gateway took on its own (no officer). */
  public static Actor system(AgencyId agency) {
    return new Actor(Objects.requireNonNull(agency, "agency"), null, "SYSTEM");
  }

  /** An action by an officer with a role. */
  public static Actor officer(AgencyId agency, String officerId, String role) {
    return new Actor(agency, officerId, role);
  }
}
