package org.fedgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.fedgate.mapping.NationalDocument;
import org.fedgate.mapping.TranslationResult;
import org.fedgate.mapping.Translator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Translation throughput on the shipped samples: TH -> canonical (th-07, a 4.1 KiB call-centre
 * case, and th-01, the 6.2 KiB scam-compound raid) and canonical -> ID (the canonical form of
 * id-01). Every call parses, validates against the national or ACR schema and maps; {@code
 * checkOutputs} adds the validation of the translated output (canonical against ACR, XML against
 * the XSD). Run: {@code modules/fedgate-bench/bench jmh TranslationBenchmark -f 1 -wi 3 -w 5s -i 5
 * -r 5s -t 1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslationBenchmark {

  /** TH input. */
  @State(Scope.Benchmark)
  public static class ThInput {
    @Param({"th-07-call-centre-gang", "th-01-raid-suspects"})
    public String sample;

    @Param({"false", "true"})
    public boolean checkOutputs;

    Translator translator;
    byte[] record;

    @Setup
    public void setUp() throws IOException {
      translator = Translator.builder().checkOutputs(checkOutputs).build();
      record = resource("schemas/national/th/samples/" + sample + ".json");
    }
  }

  /** Canonical input for the ID profile. */
  @State(Scope.Benchmark)
  public static class IdInput {
    @Param({"false", "true"})
    public boolean checkOutputs;

    Translator translator;
    JsonNode canonical;

    @Setup
    public void setUp() throws IOException {
      translator = Translator.builder().checkOutputs(checkOutputs).build();
      canonical =
          new ObjectMapper()
              .readTree(
                  resource("schemas/national/id/golden/id-01-tppo-scam-compound.canonical.json"));
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = TranslationBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return in.readAllBytes();
    }
  }

  /**
   * CPU time per operation on the current thread, for a machine shared with other work where
   * wall-clock throughput is unreliable: {@code bench class org.fedgate.bench.TranslationBenchmark
   * [seconds [op regex]]}. Prints CPU microseconds per op for TH -> canonical (whole call and its
   * parts: parse, parse + national schema check, mapping alone) and canonical -> ID.
   */
  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    String only = args.length > 1 ? args[1] : ".*";
    Translator t = Translator.builder().build();
    byte[] th = resource("schemas/national/th/samples/th-07-call-centre-gang.json");
    JsonNode canonical =
        new ObjectMapper()
            .readTree(
                resource("schemas/national/id/golden/id-01-tppo-scam-compound.canonical.json"));
    org.fedgate.mapping.io.JsonDocuments json =
        new org.fedgate.mapping.io.JsonDocuments(org.fedgate.mapping.io.Limits.defaults());
    org.fedgate.mapping.io.JsonSchemaCheck schema =
        org.fedgate.mapping.io.JsonSchemaCheck.of(
            new ObjectMapper()
                .readTree(resource("schemas/national/th/th-ccib-case-1.0.schema.json")));
    org.fedgate.mapping.engine.MappingEngine engine =
        new org.fedgate.mapping.engine.MappingEngine(t.profile("TH"));
    JsonNode thTree = json.parse(th);
    java.util.Map<String, Runnable> ops = new java.util.LinkedHashMap<>();
    ops.put("thToCanonical", () -> t.toCanonical("TH", th));
    ops.put("  parse", () -> json.parse(th));
    ops.put(
        "  parse+schema",
        () -> schema.check(json.parse(th), org.fedgate.model.error.MappingError.SCHEMA_VIOLATION));
    ops.put("  map", () -> engine.toCanonical(thTree, java.util.function.UnaryOperator.identity()));
    ops.put("canonicalToId", () -> t.fromCanonical("ID", canonical));
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) { // the first round is warm-up
      for (java.util.Map.Entry<String, Runnable> e : ops.entrySet()) {
        if (!e.getKey().strip().matches(only)) {
          continue;
        }
        long n = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long bytes0 = allocated(mx);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
          for (int i = 0; i < 100; i++) {
            e.getValue().run();
          }
          n += 100;
        }
        double us = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
        double kib = (allocated(mx) - bytes0) / 1024.0 / n;
        if (round == 1) {
          System.out.printf(
              "%-16s %8.1f us CPU/op  %9.0f ops/s per core  %6.1f KiB allocated/op%n",
              e.getKey(), us, 1e6 / us, kib);
        }
      }
    }
  }

  private static long allocated(java.lang.management.ThreadMXBean mx) {
    return mx instanceof com.sun.management.ThreadMXBean sun
        ? sun.getThreadAllocatedBytes(Thread.currentThread().getId())
        : 0;
  }

  @Benchmark
  public TranslationResult thToCanonical(ThInput in) {
    return in.translator.toCanonical("TH", in.record);
  }

  @Benchmark
  public NationalDocument canonicalToId(IdInput in) {
    return in.translator.fromCanonical("ID", in.canonical);
  }
}
