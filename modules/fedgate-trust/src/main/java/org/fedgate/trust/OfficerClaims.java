package org.fedgate.trust;

import java.time.Instant;
import org.fedgate.model.AgencyId;

/**
 * The verified claims of an officer token.
 *
 * @param subject the officer's pseudonymous id at the agency (never a name)
 */
public record OfficerClaims(
    String subject, AgencyId agency, OfficerRole role, Instant expiresAt, String tokenId) {}
