package org.fedgate.gateway.port;

import java.util.Set;

/** Verifies officers' bearer tokens (signed by their agency's identity provider; fedgate-trust). */
public interface OfficerTokens {

  /** Verifies a compact JWT; throws {@code FG-5003} (or the trust module's code) when it fails. */
  Officer verify(String bearerToken);

  /** An authenticated officer of this gateway's agency. */
  record Officer(String agency, String subject, Set<Role> roles) {
    public boolean has(Role role) {
      return roles.contains(role);
    }
  }

  /** OFFICER sends and requests; REVIEWER reads the audit trail; ADMIN operates the gateway. */
  enum Role {
    OFFICER,
    REVIEWER,
    ADMIN
  }
}
