package org.fedgate.gateway.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Mutual-TLS client for partner federation APIs on the JDK HTTP client, with its own small
 * executor: on 2 cores the common ForkJoinPool has parallelism 1 and a client without an executor
 * would start a thread per request (TOOLCHAIN.md).
 */
public final class HttpPartnerClient implements PartnerClient, AutoCloseable {

  // several clients, used in turn: the JDK client registers every request's timeout under one
  // lock that its selector thread also holds while purging timers, and with 32 delivery workers
  // that lock was the most contended monitor in the load profile
  private static final int CLIENTS = 4;

  private final HttpClient[] clients = new HttpClient[CLIENTS];
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService executor;
  private final Duration timeout;

  public HttpPartnerClient(SSLContext sslContext, Duration timeout, int threads) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(2, threads),
            r -> {
              Thread t = new Thread(r, "fedgate-partner-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    SSLParameters params = new SSLParameters();
    // partners are pinned by the directory; the peer's identity is checked by certificate chain
    // and, at the receiving side, by the envelope's sender
    params.setEndpointIdentificationAlgorithm(null);
    for (int i = 0; i < CLIENTS; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .sslContext(sslContext)
              .sslParameters(params)
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout)
              .executor(executor)
              .build();
    }
    this.timeout = timeout;
  }

  @Override
  public Answer post(URI federationUrl, String envelopeJws) {
    HttpRequest request =
        HttpRequest.newBuilder(federationUrl.resolve("envelopes"))
            .timeout(timeout)
            .header("Content-Type", "application/jose+json")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofString(envelopeJws))
            .build();
    try {
      HttpClient client = clients[Math.floorMod(next.getAndIncrement(), CLIENTS)];
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        throw new TransientDeliveryException("partner answered " + response.statusCode());
      }
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new TransientDeliveryException("partner unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientDeliveryException("interrupted", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
