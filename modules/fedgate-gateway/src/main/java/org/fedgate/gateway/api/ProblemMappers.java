package org.fedgate.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apache.camel.CamelExecutionException;
import org.fedgate.model.error.ErrorCode;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a problem document. Unexpected exceptions become FG-5016 with no detail;
 * only their class name reaches the log (their messages may carry input).
 */
public final class ProblemMappers implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

  @Override
  public Response toResponse(Throwable e) {
    Throwable t = unwrap(e);
    if (t instanceof FedgateException fe) {
      Response r = ProblemDetails.of(fe.errorCode(), fe.detail()).toResponse();
      // the request with the same key is still running: its answer is there in a moment
      return fe.errorCode() == GatewayError.IDEMPOTENCY_IN_PROGRESS
          ? Response.fromResponse(r).header("Retry-After", "1").build()
          : r;
    }
    if (t instanceof WebApplicationException wae) {
      int status = wae.getResponse().getStatus();
      ErrorCode code =
          switch (status) {
            case 404, 405 -> GatewayError.NOT_FOUND;
            case 415 -> GatewayError.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> GatewayError.UNAUTHENTICATED;
            case 403 -> GatewayError.FORBIDDEN;
            case 413 -> GatewayError.PAYLOAD_TOO_LARGE;
            default -> status < 500 ? GatewayError.REQUEST_INVALID : GatewayError.INTERNAL;
          };
      return ProblemDetails.of(code, null).toResponse();
    }
    if (t instanceof java.io.IOException) {
      // the client went away mid-request (e.g. a partner gateway restarting): not our failure
      LOG.debug("client connection lost: {}", t.getClass().getName());
    } else {
      LOG.error("unexpected failure: {}", org.fedgate.gateway.logging.Failures.describe(t));
    }
    return ProblemDetails.of(GatewayError.INTERNAL, null).toResponse();
  }

  /**
   * Camel wraps route failures (a failure inside a split, such as the push flow's per-partner
   * steps, in a CamelExchangeException); the caller needs the typed cause.
   */
  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CamelExecutionException
            || t instanceof org.apache.camel.CamelExchangeException
            || t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
