package org.fedgate.gateway.backend;

/**
 * A delivery failure worth retrying: connection refused or reset, timeout, or a 5xx answer. The
 * message holds the target kind and a status or exception class name only.
 */
public final class TransientDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TransientDeliveryException(String message) {
    super(message);
  }

  public TransientDeliveryException(String message, Throwable cause) {
    super(message + ": " + cause.getClass().getSimpleName(), null, false, false);
  }
}
