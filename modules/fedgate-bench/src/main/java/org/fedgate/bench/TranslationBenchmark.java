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
 * Translation throughput on the shipped samples: TH -> canonical (th-01, the scam-compound raid,
 * about 5 KiB) and canonical -> ID (the canonical form of id-01). {@code checkOutputs} switches the
 * validation of translated output (canonical against ACR, XML against the XSD) that the gateway
 * runs by default. Run: {@code modules/fedgate-bench/bench jmh TranslationBenchmark -f 1 -wi 3 -w
 * 5s -i 5 -r 5s -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslationBenchmark {

  @Param({"true", "false"})
  public boolean checkOutputs;

  private Translator translator;
  private byte[] thRecord;
  private JsonNode idCanonical;

  @Setup
  public void setUp() throws IOException {
    translator = Translator.builder().checkOutputs(checkOutputs).build();
    thRecord = resource("schemas/national/th/samples/th-01-raid-suspects.json");
    idCanonical =
        new ObjectMapper()
            .readTree(
                resource("schemas/national/id/golden/id-01-tppo-scam-compound.canonical.json"));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TranslationBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return in.readAllBytes();
    }
  }

  @Benchmark
  public TranslationResult thToCanonical() {
    return translator.toCanonical("TH", thRecord);
  }

  @Benchmark
  public NationalDocument canonicalToId() {
    return translator.fromCanonical("ID", idCanonical);
  }
}
