package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.route.GatewayHeaders;

/** Reading the audit trail is itself audited (who, when, which kind of access), before the read. */
public final class RecordAuditAccessStep extends Step {

  /** Header naming the kind of access: query, checkpoint, proof, export, verify. */
  public static final String ACCESS = "FedgateAuditAccess";

  public RecordAuditAccessStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    ctx.audit()
        .append(
            AuditEvent.builder(Operation.AUDIT_ACCESS, ctx.clock().instant(), ctx.agency().value())
                .actor(
                    optional(exchange, GatewayHeaders.OFFICER, String.class),
                    optional(exchange, GatewayHeaders.ROLE, String.class))
                .justification(null, null, optional(exchange, ACCESS, String.class))
                .outcome("OK", null)
                .build());
  }
}
