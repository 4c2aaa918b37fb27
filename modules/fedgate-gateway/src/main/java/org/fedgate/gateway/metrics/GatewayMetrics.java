package org.fedgate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The gateway's meters. Tags are limited to fixed vocabularies (agency ids, directions, outcomes,
 * step names, FG codes), never values from records, so no personal data can reach a metric.
 */
public final class GatewayMetrics {

  /** The steps whose latency is measured. */
  public enum Step {
    VALIDATE,
    TRANSLATE,
    MINIMISE,
    SIGN,
    VERIFY,
    AUDIT,
    DELIVER
  }

  private final PrometheusMeterRegistry registry;
  private final java.util.Map<Step, Timer> stepTimers =
      new java.util.concurrent.ConcurrentHashMap<>();

  public GatewayMetrics(String agency) {
    this(agency, java.util.Map.of());
  }

  /**
   * Meters tagged with the agency and the operator's {@code metrics.commonTags} (site, environment:
   * checked names, configuration values, never record data).
   */
  public GatewayMetrics(String agency, java.util.Map<String, String> commonTags) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("agency", agency);
    new java.util.TreeMap<>(commonTags).forEach((k, v) -> registry.config().commonTags(k, v));
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** One exchange finished with a partner: direction {@code out} or {@code in}. */
  public void exchange(String partner, String direction, String outcome) {
    Counter.builder("fedgate.exchanges")
        .description("Envelopes exchanged with partners")
        .tag("partner", partner)
        .tag("direction", direction)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A delivery attempt to a partner or back end is retried. */
  public void retry(String target) {
    Counter.builder("fedgate.delivery.retries")
        .description("Delivery retries")
        .tag("target", target)
        .register(registry)
        .increment();
  }

  /**
   * Records erased by the retention sweep ({@code kind}: received, answer, quarantined or sent;
   * {@code outcome}: erased or failed).
   */
  public void erasures(String kind, String outcome, int count) {
    Counter.builder("fedgate.retention.erasures")
        .description("Records erased at the end of their retention period")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry)
        .increment(count);
  }

  /** A request or envelope was refused with an FG code. */
  public void rejection(String code) {
    Counter.builder("fedgate.rejections")
        .description("Refusals by FG code")
        .tag("code", code)
        .register(registry)
        .increment();
  }

  public Timer step(Step step) {
    // registered once: a builder lookup per timed step showed up in the load profile
    return stepTimers.computeIfAbsent(
        step,
        s ->
            Timer.builder("fedgate.step.latency")
                .description("Latency of one processing step")
                .tag("step", s.name().toLowerCase(java.util.Locale.ROOT))
                .publishPercentileHistogram(false)
                .register(registry));
  }

  /** Times a step. */
  public <T> T time(Step step, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      step(step).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  public void outboxDepth(Supplier<Number> depth) {
    Gauge.builder("fedgate.outbox.depth", () -> depth.get().doubleValue())
        .description("Envelopes waiting in the outbox")
        .register(registry);
  }

  public void backendQueueDepth(Supplier<Number> depth) {
    Gauge.builder("fedgate.backend.queue.depth", () -> depth.get().doubleValue())
        .description("Received records waiting for the national back end")
        .register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
