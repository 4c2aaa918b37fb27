package org.fedgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.fedgate.model.Purpose;
import org.fedgate.policy.Agreement;
import org.fedgate.policy.MinimisationResult;
import org.fedgate.policy.Minimiser;
import org.fedgate.policy.OverSharingCheck;
import org.fedgate.policy.PseudonymKeyring;
import org.fedgate.policy.SampleRecords;
import org.fedgate.policy.ShippedAgreements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Data minimisation throughput on the shipped sample records (target: at least 50,000 minimisations
 * per second per core). Run with {@code -t 1} for a per-core figure:
 *
 * <pre>modules/fedgate-bench/bench jmh MinimisationBenchmark -f 1 -wi 3 -w 5s -i 5 -r 5s -t 1</pre>
 *
 * <ul>
 *   <li>{@code raidInvestigation}: the 9-person scam-compound raid (about 400 leaves: suspects,
 *       victims adult, minor, of unknown age and under non-disclosure, a PSN, accounts, phones,
 *       documents, relations) under TH-CCIB to KH-AHTJP for INVESTIGATION;
 *   <li>{@code referralVictimProtection}: the child-victim referral for VICTIM_PROTECTION
 *       (pseudonymisation with HMAC-SHA-256);
 *   <li>{@code muleNetworkIntelligence}: the money-mule record for INTELLIGENCE;
 *   <li>{@code mixed}: the three in turn (one op = one record);
 *   <li>{@code overSharingCheckRaid}: the receiver's check of the minimised raid record;
 *   <li>{@code raidTraversalBaseline} and {@code raidDeepCopyBaseline}: yardsticks, not
 *       minimisations: a bare visit of every member of the raid record's Jackson tree, and
 *       Jackson's own {@code deepCopy} of it. A minimisation visits every member, decides each leaf
 *       and builds a new tree and a report of 482 entries, so a Jackson deep copy is about the
 *       least it can cost on this input representation.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MinimisationBenchmark {

  private static final String LEGAL_BASIS = "ASEAN MLAT 2004 request (benchmark)";

  private Minimiser minimiser;
  private OverSharingCheck check;
  private Agreement thKh;
  private Agreement khTh;
  private Agreement khId;
  private JsonNode raid;
  private JsonNode referral;
  private JsonNode mule;
  private JsonNode raidMinimised;
  private int turn;

  @Setup
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    minimiser =
        new Minimiser(
            PseudonymKeyring.derivedFrom(
                "benchmark master secret, not a real key".getBytes(StandardCharsets.UTF_8)),
            clock);
    check = new OverSharingCheck(clock);
    thKh = ShippedAgreements.byId("TH-CCIB.KH-AHTJP").orElseThrow();
    khTh = ShippedAgreements.byId("KH-AHTJP.TH-CCIB").orElseThrow();
    khId = ShippedAgreements.byId("KH-AHTJP.ID-BARESKRIM").orElseThrow();
    raid = SampleRecords.read("raid-scam-compound");
    referral = SampleRecords.read("victim-referral");
    mule = SampleRecords.read("money-mule-network");
    raidMinimised = minimiser.minimise(thKh, Purpose.INVESTIGATION, LEGAL_BASIS, raid).record();
  }

  @Benchmark
  public MinimisationResult raidInvestigation() {
    return minimiser.minimise(thKh, Purpose.INVESTIGATION, LEGAL_BASIS, raid);
  }

  @Benchmark
  public MinimisationResult referralVictimProtection() {
    return minimiser.minimise(khTh, Purpose.VICTIM_PROTECTION, LEGAL_BASIS, referral);
  }

  @Benchmark
  public MinimisationResult muleNetworkIntelligence() {
    return minimiser.minimise(khId, Purpose.INTELLIGENCE, LEGAL_BASIS, mule);
  }

  @Benchmark
  public MinimisationResult mixed() {
    switch (turn++ % 3) {
      case 0:
        return minimiser.minimise(thKh, Purpose.INVESTIGATION, LEGAL_BASIS, raid);
      case 1:
        return minimiser.minimise(khTh, Purpose.VICTIM_PROTECTION, LEGAL_BASIS, referral);
      default:
        return minimiser.minimise(khId, Purpose.INTELLIGENCE, LEGAL_BASIS, mule);
    }
  }

  @Benchmark
  public int overSharingCheckRaid() {
    return check.offendingPaths(thKh, Purpose.INVESTIGATION, raidMinimised).size();
  }

  @Benchmark
  public long raidTraversalBaseline() {
    return traverse(raid);
  }

  @Benchmark
  public JsonNode raidDeepCopyBaseline() {
    return raid.deepCopy();
  }

  /** Visits every member and item, as the walk must, and decides nothing. */
  static long traverse(JsonNode n) {
    if (n instanceof ObjectNode o) {
      long s = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        s += e.getKey().hashCode() + traverse(e.getValue());
      }
      return s;
    }
    if (n instanceof ArrayNode a) {
      long s = 0;
      for (int i = 0, size = a.size(); i < size; i++) {
        s += traverse(a.get(i));
      }
      return s;
    }
    return n instanceof TextNode t ? t.textValue().length() : 1;
  }

  /**
   * CPU time per operation of each benchmark on this thread (thread CPU time, so other load on a
   * shared machine does not count): {@code modules/fedgate-bench/bench class
   * org.fedgate.bench.MinimisationBenchmark [SECONDS]}.
   */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    MinimisationBenchmark b = new MinimisationBenchmark();
    b.setUp();
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("raidInvestigation", b::raidInvestigation);
    ops.put("referralVictimProtection", b::referralVictimProtection);
    ops.put("muleNetworkIntelligence", b::muleNetworkIntelligence);
    ops.put("mixed", b::mixed);
    ops.put("overSharingCheckRaid", b::overSharingCheckRaid);
    ops.put("raidTraversalBaseline", b::raidTraversalBaseline);
    ops.put("raidDeepCopyBaseline", b::raidDeepCopyBaseline);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (Map.Entry<String, Supplier<Object>> e : ops.entrySet()) {
      Supplier<Object> op = e.getValue();
      long sink = 0;
      for (int round = 0; round < 2; round++) { // round 0 warms up
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = 0;
        while (mx.getCurrentThreadCpuTime() - cpu0 < (long) (seconds * 1e9)) {
          for (int i = 0; i < 100; i++) {
            sink += System.identityHashCode(op.get());
          }
          n += 100;
        }
        double cpuPerOp = (mx.getCurrentThreadCpuTime() - cpu0) / (double) n;
        double wallPerOp = (System.nanoTime() - wall0) / (double) n;
        if (round == 1) {
          System.out.printf(
              "%-26s %9.0f ns CPU/op  %9.0f ops/s per CPU-second  (wall %9.0f ns/op)%n",
              e.getKey(), cpuPerOp, 1e9 / cpuPerOp, wallPerOp);
        }
      }
      if (sink == 42) {
        System.out.println();
      }
    }
  }
}
