package org.fedgate.gateway.route.step;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail;

/** Runs the reviewer's read: a filtered query, the latest checkpoint, a proof or an export. */
public final class QueryAuditStep extends Step {

  /** The body: what the reviewer asked for ({@code sequence} is the first size for consistency). */
  public record AuditRead(
      String kind,
      AuditTrail.AuditQuery query,
      long sequence,
      Instant from,
      Instant to,
      long secondSize) {

    public AuditRead(
        String kind, AuditTrail.AuditQuery query, long sequence, Instant from, Instant to) {
      this(kind, query, sequence, from, to, 0);
    }
  }

  public QueryAuditStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    AuditRead read = exchange.getIn().getBody(AuditRead.class);
    Object result =
        switch (read.kind()) {
          case "query" -> ctx.audit().query(read.query());
          case "checkpoint" -> ctx.audit().latestCheckpoint();
          case "proof" -> ctx.audit().proof(read.sequence());
          case "consistency" -> ctx.audit().consistency(read.sequence(), read.secondSize());
          case "export" -> ctx.audit().export(read.from(), read.to());
          case "verify" -> {
            long bad = ctx.audit().verify();
            var node = GatewayContext.JSON.createObjectNode();
            node.put("valid", bad < 0);
            if (bad >= 0) {
              node.put("firstBadSequence", bad);
            }
            node.put("store", ctx.audit().storeUrl());
            yield node;
          }
          default -> throw new IllegalArgumentException("unknown audit read");
        };
    exchange.getIn().setBody(result);
  }
}
