package org.fedgate.gateway.route.step;

import java.time.Duration;
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
 * long they may be kept, and erasing evidence on a guess would be worse. What this gateway sent
 * (the sealed envelope of a finished outbox row) is erased once its own {@code
 * retention.sentEnvelopes} has run, with an ERASURE entry per envelope.
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
    erased += sweepSent(now);
    if (erased > 0) {
      LOG.info("retention sweep erased {} records", erased);
    }
    return erased;
  }

  /**
   * Erases the envelopes this gateway sent before {@code retention.sentEnvelopes}: a batch at a
   * time, each batch in one transaction with an ERASURE entry per envelope (a busy sender finishes
   * thousands of rows an hour; one durable commit each would not keep up).
   */
  private int sweepSent(Instant now) {
    Duration keep = ctx.config().retention().sentEnvelopes();
    Instant cut = now.minus(keep);
    String justification = "sent-retention-" + iso(keep);
    int erased = 0;
    while (true) {
      List<Erasure.Due> due = erasure.dueSent(cut, BATCH);
      if (due.isEmpty()) {
        return erased;
      }
      int done;
      try {
        done =
            ctx.batcher()
                .run(
                    (c, audit) -> {
                      int n = 0;
                      for (Erasure.Due d : due) {
                        // another instance's sweep may have erased it meanwhile: no second entry
                        if (erasure.erase(c, d, now)) {
                          audit.append(
                              AuditEvent.builder(Operation.ERASURE, now, ctx.agency().value())
                                  .actor(null, "GATEWAY")
                                  .counterpart(d.counterpart())
                                  .justification(d.purpose(), null, justification)
                                  .message(d.messageId(), d.conversationId(), d.payloadSha256())
                                  .outcome("OK", null)
                                  .build());
                          n++;
                        }
                      }
                      return n;
                    });
      } catch (FedgateException e) {
        // the batch rolled back whole; it is tried again at the next sweep
        LOG.warn("retention erasure of sent envelopes failed: code={}", e.code());
        return erased;
      }
      erased += done;
      if (done == 0) {
        return erased;
      }
    }
  }

  /** {@code P30D} rather than Duration's {@code PT720H}, as agreements write periods. */
  static String iso(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.toNanosPart() == 0
        ? "P" + d.toDays() + "D"
        : d.toString();
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
