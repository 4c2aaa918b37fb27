package org.fedgate.gateway.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mock national back end that speaks REST/JSON, as the Thai and Cambodian systems would: {@code
 * POST /notifications} stores a record once per {@code Idempotency-Key} (a repeat answers 200 and
 * is counted as a duplicate), {@code GET /cases/{reference}} answers record requests from a fixed
 * set of cases. For the demo and the load generator only (tests use WireMock).
 */
public final class MockRestBackend implements AutoCloseable {

  /** A record received from the gateway. */
  public record Received(
      String messageId, String sender, String purpose, byte[] body, long receivedNanos) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Received> received = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, byte[]> cases = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();

  public MockRestBackend(String host, int port) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/notifications", this::notification);
    server.createContext("/cases/", this::caseLookup);
    server.start();
  }

  public String url() {
    return "http://"
        + server.getAddress().getHostString()
        + ":"
        + server.getAddress().getPort()
        + "/";
  }

  public void addCase(String reference, byte[] json) {
    cases.put(reference, json.clone());
  }

  public Map<String, Received> received() {
    return Map.copyOf(received);
  }

  /** One received record by message id, or null (cheap: no copy). */
  public Received received(String messageId) {
    return received.get(messageId);
  }

  /** How many distinct message ids arrived. */
  public int receivedCount() {
    return received.size();
  }

  public int calls() {
    return calls.get();
  }

  public int duplicates() {
    return duplicates.get();
  }

  private void notification(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        answer(ex, 405, new byte[0]);
        return;
      }
      byte[] body = ex.getRequestBody().readAllBytes();
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      if (key == null) {
        answer(ex, 400, new byte[0]);
        return;
      }
      calls.incrementAndGet();
      Received prev =
          received.putIfAbsent(
              key,
              new Received(
                  key,
                  ex.getRequestHeaders().getFirst("X-Fedgate-Sender"),
                  ex.getRequestHeaders().getFirst("X-Fedgate-Purpose"),
                  body,
                  System.nanoTime()));
      if (prev != null) {
        duplicates.incrementAndGet();
      }
      answer(ex, prev == null ? 201 : 200, new byte[0]);
    }
  }

  private void caseLookup(HttpExchange ex) throws IOException {
    try (ex) {
      String ref =
          URLDecoder.decode(
              ex.getRequestURI().getPath().substring("/cases/".length()), StandardCharsets.UTF_8);
      byte[] json = cases.get(ref);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      answer(ex, json == null ? 404 : 200, json == null ? new byte[0] : json);
    }
  }

  private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
