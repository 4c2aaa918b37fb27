package org.fedgate.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.fedgate.model.error.ErrorCode;

/**
 * An RFC 9457 problem document with the stable {@code FG-xxxx} code as an extension member. The
 * detail is a location or reason from {@code FedgateException.detail()}, never input data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(
    String type, String title, int status, String code, String detail, String receipt) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static ProblemDetails of(ErrorCode code, String detail) {
    return new ProblemDetails(
        "urn:fedgate:problem:" + code.code(),
        code.title(),
        code.httpStatus(),
        code.code(),
        detail == null || detail.isEmpty() ? null : detail,
        null);
  }

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
