package org.fedgate.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.model.error.GatewayError;

/**
 * Operations endpoints without authentication and without personal data: the OpenAPI document,
 * liveness, readiness (store reachable, directory fresh, routes started) and the Prometheus scrape.
 */
@Path("/")
public final class OpsResource {

  private final GatewayContext ctx;
  private final BooleanSupplier routesStarted;
  private final byte[] openApi;

  public OpsResource(GatewayContext ctx, BooleanSupplier routesStarted) {
    this.ctx = ctx;
    this.routesStarted = routesStarted;
    try (InputStream in = OpsResource.class.getResourceAsStream("openapi.yaml")) {
      this.openApi = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("openapi.yaml missing from the class path", e);
    }
  }

  @GET
  @Path("/openapi.yaml")
  @Produces("application/yaml")
  public Response openApi() {
    return Response.ok(openApi).build();
  }

  @GET
  @Path("/health/live")
  @Produces("application/json")
  public Response live() {
    ObjectNode n = GatewayContext.JSON.createObjectNode();
    n.put("status", "UP");
    return Response.ok(n).build();
  }

  @GET
  @Path("/health/ready")
  @Produces("application/json")
  public Response ready() {
    boolean store = ctx.store().reachable();
    boolean directory = ctx.clock().instant().isBefore(ctx.trust().directoryValidUntil());
    boolean routes = routesStarted.getAsBoolean();
    ObjectNode n = GatewayContext.JSON.createObjectNode();
    boolean up = store && directory && routes;
    n.put("status", up ? "UP" : "DOWN");
    ObjectNode checks = n.putObject("checks");
    checks.put("store", store ? "UP" : "DOWN");
    checks.put("directory", directory ? "UP" : "DOWN");
    checks.put("routes", routes ? "UP" : "DOWN");
    if (!up) {
      n.put("code", GatewayError.NOT_READY.code());
    }
    return Response.status(up ? 200 : 503).entity(n).type("application/json").build();
  }

  @GET
  @Path("/metrics")
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public Response metrics() {
    if (!ctx.config().metrics().enabled()) {
      throw new org.fedgate.model.error.FedgateException(
          GatewayError.NOT_FOUND, "metrics disabled");
    }
    return Response.ok(ctx.metrics().scrape()).build();
  }
}
