package org.fedgate.gateway.route.step;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.AuditTrail.Operation;
import org.fedgate.gateway.port.RecordMinimisation.Retention;
import org.fedgate.gateway.store.Erasure;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the agreements' retention periods: what a partner sent this gateway (received records,
 * answers to this agency's requests, quarantined envelopes) is erased once the period of the
 * agreement for that direction has run from its arrival, each erasure in one transaction with its
 * ERASURE audit entry (ids and digest, never content). Metadata and the audit trail remain. A
 * partner without any known agreement keeps its records and is named in a warning: nothing says how
 * long they may be kept, and erasing evidence on a guess would be worse.
 */
public final class RetentionSweepStep extends Step {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweepStep.class);
  private static final int BATCH = 200;

  private final Erasure erasure;

  public RetentionSweepStep(GatewayContext ctx) {
    super(ctx);
    this.erasure = new Erasure(ctx.store());
  }

  @Override
  public void process(Exchange exchange) {
    exchange.getIn().setBody(sweep());
  }

  /** Erases everything past its retention period now; returns how many records were erased. */
  public int sweep() {
    Instant now = ctx.clock().instant();
    int erased = 0;
    for (String counterpart : erasure.counterparts()) {
      Optional<Retention> retention;
      try {
        retention = ctx.minimisation().retention(AgencyId.of(counterpart), ctx.agency());
      } catch (FedgateException | IllegalArgumentException e) {
        retention = Optional.empty();
      }
      if (retention.isEmpty()) {
        if (erasure.due(counterpart, now, 1).isEmpty()) {
          continue; // nothing held from this partner any more
        }
        LOG.warn("retention unknown, nothing erased: partner={} (no agreement)", counterpart);
        continue;
      }
      Retention r = retention.get();
      Instant cut = now.atOffset(ZoneOffset.UTC).minus(r.period()).toInstant();
      while (true) {
        List<Erasure.Due> due = erasure.due(counterpart, cut, BATCH);
        int done = 0;
        for (Erasure.Due d : due) {
          try {
            if (erase(d, r, now)) {
              done++;
            }
          } catch (FedgateException e) {
            // one bad row must not stop the sweep; it stays, and is tried again next sweep
            LOG.warn(
                "retention erasure failed: code={} messageId={} kind={}",
                e.code(),
                d.messageId(),
                d.kind());
          }
        }
        erased += done;
        if (due.isEmpty() || done == 0) {
          break;
        }
      }
    }
    if (erased > 0) {
      LOG.info("retention sweep erased {} records", erased);
    }
    return erased;
  }

  private boolean erase(Erasure.Due d, Retention r, Instant now) {
    AuditEvent entry =
        AuditEvent.builder(Operation.ERASURE, now, ctx.agency().value())
            .actor(null, "GATEWAY")
            .counterpart(d.counterpart())
            .justification(d.purpose(), null, "retention-" + r.period())
            .message(d.messageId(), d.conversationId(), d.payloadSha256())
            .agreement(r.agreement().id(), r.agreement().version())
            .outcome("OK", null)
            .build();
    return ctx.batcher()
        .run(
            (c, audit) -> {
              if (!erasure.erase(c, d, now)) {
                return false;
              }
              audit.append(entry);
              return true;
            });
  }
}
