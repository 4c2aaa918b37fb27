package org.fedgate.gateway.backend;

import java.net.URI;

/** Posts sealed envelopes to partner gateways' federation APIs over mutual TLS. */
public interface PartnerClient {

  /**
   * Posts one envelope and returns the partner's answer. Transport failures and 5xx answers throw
   * {@link java.io.IOException}-like unchecked failures that the route retries.
   */
  Answer post(URI federationUrl, String envelopeJws);

  /** The partner's HTTP status and body (a receipt JWS, or a problem document with a receipt). */
  record Answer(int status, String body) {}
}
