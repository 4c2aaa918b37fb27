package org.fedgate.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.route.ReceivingRoutes;
import org.fedgate.gateway.route.step.InboundResult;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation API: other gateways post envelopes here over mutual TLS. The TLS client
 * certificate must be a current member's TLS certificate (else FG-5007, audited, before the body is
 * read); the receiving route then checks that this member is the envelope's signed sender.
 */
@Path("/")
public final class FederationResource {

  private static final Logger LOG = LoggerFactory.getLogger(FederationResource.class);

  private final GatewayContext ctx;
  private final ProducerTemplate producer;

  public FederationResource(GatewayContext ctx, ProducerTemplate producer) {
    this.ctx = ctx;
    this.producer = producer;
  }

  @POST
  @Path("/envelopes")
  @Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
  public Response receive(InputStream in) {
    AgencyId peer = peer();
    String jws =
        new String(
            Bodies.read(in, 2 * ctx.config().limits().maxBodyBytes() + 65536),
            StandardCharsets.UTF_8);
    var exchange =
        producer.send(
            ReceivingRoutes.RECEIVE,
            e -> {
              e.getIn().setBody(jws);
              e.getIn().setHeader(GatewayHeaders.TLS_PEER, peer);
            });
    AgencyResource.rethrow(exchange.getException());
    InboundResult result = exchange.getMessage().getBody(InboundResult.class);
    if (result.isAccepted()) {
      ObjectNode n = GatewayContext.JSON.createObjectNode();
      n.put("receipt", result.receipt());
      return Response.ok(n).type(MediaType.APPLICATION_JSON).build();
    }
    ProblemDetails p =
        new ProblemDetails(
            "urn:fedgate:problem:" + result.code(),
            result.title(),
            result.httpStatus(),
            result.code(),
            result.detail() == null || result.detail().isEmpty() ? null : result.detail(),
            result.receipt());
    Response response = p.toResponse();
    return result.httpStatus() == 503
        ? Response.fromResponse(response).header("Retry-After", "1").build()
        : response;
  }

  /** The member proven by the TLS client certificate; anything else is refused and audited. */
  private AgencyId peer() {
    Message message = PhaseInterceptorChain.getCurrentMessage();
    TLSSessionInfo tls = message == null ? null : message.get(TLSSessionInfo.class);
    Certificate[] chain = tls == null ? null : tls.getPeerCertificates();
    Optional<AgencyId> member =
        chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x
            ? ctx.trust().memberOfTlsCertificate(x)
            : Optional.empty();
    if (member.isEmpty()) {
      GatewayError code = GatewayError.PEER_NOT_MEMBER;
      try {
        ctx.audit()
            .append(
                AuditTrail.AuditEvent.builder(
                        AuditTrail.Operation.REJECTION, ctx.clock().instant(), ctx.agency().value())
                    .actor(null, "GATEWAY")
                    .outcome("REJECTED", code.code())
                    .build());
      } catch (RuntimeException e) {
        LOG.error("could not audit a TLS rejection: {}", e.getClass().getName());
      }
      ctx.metrics().rejection(code.code());
      LOG.warn("federation call refused: code={}", code.code());
      throw new FedgateException(
          code, chain == null ? "no client certificate" : "certificate not in directory");
    }
    return member.get();
  }
}
