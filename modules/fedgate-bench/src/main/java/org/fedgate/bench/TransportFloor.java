package org.fedgate.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.fedgate.bench.load.LoadGenerator;
import org.fedgate.model.AgencyId;
import org.fedgate.trust.DevPki;

/**
 * A yardstick for the load generator's figures: the CPU that one HTTP POST costs on this machine
 * with nothing behind it. A bare Jetty handler (the server under CXF in the gateways, without CXF,
 * Camel or any gateway code) reads a body of the load generator's size and answers with a short
 * JSON document; the JDK HTTP client (the gateways' partner client) posts with {@code --clients}
 * threads over keep-alive connections, in plain HTTP or over mutual TLS with the development PKI's
 * TLS certificates (TLS 1.3, ECDSA P-256). It prints requests/s and the JVM's CPU per request.
 *
 * <pre>
 * modules/fedgate-bench/bench class org.fedgate.bench.TransportFloor [--tls] [--clients 32]
 *     [--warmup 20] [--seconds 30] [--body 4500]
 * </pre>
 *
 * An exchange of the load generator makes three such calls (officer to TH-CCIB in plain HTTP,
 * TH-CCIB to KH-AHTJP over mutual TLS, KH-AHTJP to its back end in plain HTTP), so three times this
 * figure is what the transport alone costs per exchange, before any of the gateways' work.
 */
public final class TransportFloor {

  private static final byte[] ANSWER =
      "{\"messageIds\":[\"0193a0b1-0000-7000-8000-000000000000\"],\"status\":\"ACCEPTED\"}"
          .getBytes(StandardCharsets.US_ASCII);

  private TransportFloor() {}

  public static void main(String[] args) throws Exception {
    // Jetty logs at DEBUG without a configuration, which would be measured along with it
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    boolean tls = false;
    int clients = 32;
    int warmup = 20;
    int seconds = 30;
    int bodyBytes = 4500;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tls" -> tls = true;
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--body" -> bodyBytes = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: TransportFloor [--tls] [--clients N] [--warmup S] [--seconds S] [--body BYTES]");
          System.exit(64);
        }
      }
    }
    Path pkiDir = Files.createTempDirectory("fedgate-floor");
    SSLContext server = null;
    SSLContext client = null;
    if (tls) {
      DevPki.Result pki = DevPki.generate(pkiDir);
      server = sslContext(pki, AgencyId.of("KH-AHTJP"));
      client = sslContext(pki, AgencyId.of("TH-CCIB"));
    }
    Server jetty = start(server);
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5));
    if (client != null) {
      b.sslContext(client);
    }
    HttpClient http = b.build();
    URI uri = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + "/envelopes");
    byte[] body = new byte[bodyBytes];
    Arrays.fill(body, (byte) 'x');
    try {
      System.out.printf(
          Locale.ROOT,
          "transport floor: %s, %d clients, body %d bytes, warm-up %d s, measured %d s%n",
          tls ? "mutual TLS" : "plain HTTP",
          clients,
          bodyBytes,
          warmup,
          seconds);
      drive(http, uri, body, clients, warmup);
      long cpu0 = LoadGenerator.processCpuNanos();
      long t0 = System.nanoTime();
      long[] counts = drive(http, uri, body, clients, seconds);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (LoadGenerator.processCpuNanos() - cpu0) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "requests/s %.0f  errors %d  JVM CPU per request %.3f ms (client and server, %.2f cores busy)%n",
          counts[0] / wall,
          counts[1],
          cpu / counts[0],
          cpu / 1000 / wall);
    } finally {
      jetty.stop();
      TempDirs.deleteTree(pkiDir);
      System.exit(0); // the client's executor threads are not daemons
    }
  }

  private static long[] drive(HttpClient http, URI uri, byte[] body, int clients, int seconds)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              try {
                HttpResponse<byte[]> r =
                    http.send(
                        HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/jose")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200 && r.body().length == ANSWER.length) {
                  ok.incrementAndGet();
                } else {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
    return new long[] {ok.get(), errors.get()};
  }

  private static Server start(SSLContext tls) throws Exception {
    Server server = new Server(new QueuedThreadPool(200, 8));
    ServerConnector connector;
    if (tls == null) {
      connector = new ServerConnector(server);
    } else {
      SslContextFactory.Server f = new SslContextFactory.Server();
      f.setSslContext(tls);
      f.setNeedClientAuth(true);
      connector = new ServerConnector(server, f);
    }
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            try (InputStream in = Content.Source.asInputStream(request)) {
              in.readAllBytes();
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, java.nio.ByteBuffer.wrap(ANSWER), callback);
            return true;
          }
        });
    server.start();
    return server;
  }

  private static SSLContext sslContext(DevPki.Result pki, AgencyId agency) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pki.tlsKeystore(agency))) {
      ks.load(in, pki.password());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pki.password());
    KeyStore ts = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pki.trustStore())) {
      ts.load(in, pki.password());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }
}
