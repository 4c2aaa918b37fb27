package org.fedgate.gateway.backend;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fedgate.gateway.config.GatewayConfig;

/**
 * A national back end reached over REST (JSON): {@code POST {url}/notifications} with an {@code
 * Idempotency-Key} header equal to the message id, and {@code GET {url}/cases/{reference}} for
 * record requests. Optional HTTP Basic credentials.
 */
public final class RestNationalBackend implements NationalBackend, AutoCloseable {

  private final URI base;
  private final HttpClient client;
  private final ExecutorService executor;
  private final Duration timeout;
  private final String authorization;

  public RestNationalBackend(GatewayConfig.Backend config) {
    String url = config.url().endsWith("/") ? config.url() : config.url() + "/";
    this.base = URI.create(url);
    this.timeout = config.timeout();
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "fedgate-backend-http");
              t.setDaemon(true);
              return t;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .executor(executor)
            .build();
    this.authorization =
        config.username() == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (config.username()
                                + ":"
                                + (config.password() == null ? "" : config.password().value()))
                            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void deliver(Delivery d) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve("notifications"))
            .timeout(timeout)
            .header("Content-Type", d.mediaType())
            .header("Idempotency-Key", d.messageId())
            .header("X-Fedgate-Message-Id", d.messageId())
            .header("X-Fedgate-Conversation-Id", d.conversationId())
            .header("X-Fedgate-Sender", d.sender())
            .header("X-Fedgate-Purpose", d.purpose())
            .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<Void> response = send(b.build(), HttpResponse.BodyHandlers.discarding());
    int s = response.statusCode();
    // 409 means the back end already has this message id: delivered before, nothing to do
    if (s / 100 != 2 && s != 409) {
      throw new TransientDeliveryException("back end answered " + s);
    }
  }

  @Override
  public Optional<byte[]> fetchCase(String caseReference) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                base.resolve("cases/" + URLEncoder.encode(caseReference, StandardCharsets.UTF_8)))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response = send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() / 100 != 2) {
      throw new TransientDeliveryException("back end answered " + response.statusCode());
    }
    return Optional.of(response.body());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new TransientDeliveryException("back end unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientDeliveryException("interrupted", e);
    }
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
