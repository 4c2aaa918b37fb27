package org.fedgate.trust;

/** What an authenticated officer may do at the gateway's agency API. */
public enum OfficerRole {
  OFFICER,
  REVIEWER,
  ADMIN
}
