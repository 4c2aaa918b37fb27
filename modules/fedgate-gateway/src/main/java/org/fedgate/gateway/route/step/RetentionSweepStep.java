package org.fedgate.gateway.route.step;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
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
 * agreement for that direction has run from its arrival. Metadata and the audit trail remain. A
 * partner without any known agreement keeps its records and is named in a warning: nothing says how
 * long they may be kept, and erasing evidence on a guess would be worse. What this gateway sent
 * (the sealed envelope of a finished outbox row) is erased once its own {@code
 * retention.sentEnvelopes} has run. Records are erased a batch at a time, each batch in one
 * transaction with an ERASURE audit entry per record (ids and digest, never content): a busy
 * gateway has thousands of records an hour to erase, and one durable commit each would not keep up.
 */
public final class RetentionSweepStep extends Step {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweepStep.class);
  private static final int BATCH = 200;
  // failed erasures named one by one in the log per partner and sweep; the rest are counted
  private static final int NAMED_FAILURES = 10;

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
      erased +=
          eraseAll(
              counterpart,
              limit -> erasure.due(counterpart, cut, limit),
              "retention-" + r.period(),
              r.agreement().id(),
              r.agreement().version(),
              now);
    }
    // what this gateway sent falls under its own setting, not under an agreement
    Duration keep = ctx.config().retention().sentEnvelopes();
    erased +=
        eraseAll(
            "sent",
            limit -> erasure.dueSent(now.minus(keep), limit),
            "sent-retention-" + iso(keep),
            null,
            null,
            now);
    if (erased > 0) {
      LOG.info("retention sweep erased {} records", erased);
    }
    // idempotency keys are ids and digests, not records: forgotten without an audit entry
    int forgotten =
        ctx.submissions().forgetBefore(now.minus(ctx.config().retention().idempotencyKeys()));
    if (forgotten > 0) {
      LOG.info("retention sweep forgot {} idempotency keys", forgotten);
    }
    return erased;
  }

  /** {@code P30D} rather than Duration's {@code PT720H}, as agreements write periods. */
  static String iso(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.toNanosPart() == 0
        ? "P" + d.toDays() + "D"
        : d.toString();
  }

  /**
   * Erases batch after batch of due records ({@code scope}: the partner they came from, or {@code
   * sent}) until none is left. A batch that fails is erased record by record, so that one bad
   * record fails alone; it stays, is skipped for the rest of this sweep and is tried again at the
   * next. {@code next} takes a row limit: each query asks for as many more rows as have failed, so
   * that failed records cannot fill a batch (the store hands them out first again, and a few
   * hundred bad records would otherwise hide every good one behind them, sweep after sweep).
   */
  private int eraseAll(
      String scope,
      IntFunction<List<Erasure.Due>> next,
      String justification,
      String agreementId,
      String agreementVersion,
      Instant now) {
    Set<String> failed = new HashSet<>();
    int erased = 0;
    while (true) {
      List<Erasure.Due> due = new ArrayList<>(next.apply(BATCH + failed.size()));
      due.removeIf(d -> failed.contains(d.kind() + ":" + d.id()));
      if (due.isEmpty()) {
        if (failed.size() > NAMED_FAILURES) {
          LOG.warn(
              "retention erasure failed for {} records ({} named above): partner={}",
              failed.size(),
              NAMED_FAILURES,
              scope);
        }
        return erased;
      }
      int done;
      try {
        done = counted(erase(due, justification, agreementId, agreementVersion, now));
        if (done == 0) {
          // none erased and none failed: another instance's sweep erased these meanwhile
          return erased;
        }
      } catch (RuntimeException batchFailed) {
        // record by record: each is then erased, gone or in failed, so the next query moves on
        done = 0;
        for (Erasure.Due d : due) {
          try {
            done += counted(erase(List.of(d), justification, agreementId, agreementVersion, now));
          } catch (RuntimeException e) {
            failed.add(d.kind() + ":" + d.id());
            ctx.metrics().erasures(kind(d), "failed", 1);
            if (failed.size() <= NAMED_FAILURES) {
              // the code or the kind of failure only: a message may quote a stored value
              LOG.warn(
                  "retention erasure failed: code={} messageId={} kind={}",
                  e instanceof FedgateException f ? f.code() : e.getClass().getSimpleName(),
                  d.messageId(),
                  d.kind());
            }
          }
        }
      }
      erased += done;
    }
  }

  /** Counts committed erasures by kind in the metrics; returns how many there were. */
  private int counted(List<Erasure.Due> erased) {
    for (Erasure.Due d : erased) {
      ctx.metrics().erasures(kind(d), "erased", 1);
    }
    return erased.size();
  }

  private static String kind(Erasure.Due d) {
    return d.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Erases the records in one transaction with an ERASURE entry each; returns those erased (not
   * those another instance erased meanwhile).
   */
  private List<Erasure.Due> erase(
      List<Erasure.Due> due,
      String justification,
      String agreementId,
      String agreementVersion,
      Instant now) {
    return ctx.batcher()
        .run(
            (c, audit) -> {
              // made afresh by each run: the batcher may run this unit again alone
              List<Erasure.Due> erased = new ArrayList<>(due.size());
              for (Erasure.Due d : due) {
                // another instance's sweep may have erased it meanwhile: no second entry
                if (erasure.erase(c, d, now)) {
                  audit.append(
                      AuditEvent.builder(Operation.ERASURE, now, ctx.agency().value())
                          .actor(null, "GATEWAY")
                          .counterpart(d.counterpart())
                          .justification(d.purpose(), null, justification)
                          .message(d.messageId(), d.conversationId(), d.payloadSha256())
                          .agreement(agreementId, agreementVersion)
                          .outcome("OK", null)
                          .build());
                  erased.add(d);
                }
              }
              return erased;
            });
  }
}
