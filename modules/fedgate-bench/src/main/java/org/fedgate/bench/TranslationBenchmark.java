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

  @Benchmark
  public TranslationResult thToCanonical(ThInput in) {
    return in.translator.toCanonical("TH", in.record);
  }

  @Benchmark
  public NationalDocument canonicalToId(IdInput in) {
    return in.translator.fromCanonical("ID", in.canonical);
  }
}
