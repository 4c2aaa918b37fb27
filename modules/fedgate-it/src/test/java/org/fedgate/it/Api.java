package org.fedgate.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.TlsMaterial;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.DemoScenario;
import org.fedgate.model.AgencyId;
import org.fedgate.trust.DevPki;
import org.slf4j.LoggerFactory;

/**
 * Small HTTP helpers for the end-to-end tests: agency API calls and mutual-TLS federation posts.
 */
final class Api {

  record Answer(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {}

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api() {}

  static Answer call(String baseUrl, String method, String path, String token, String json)
      throws Exception {
    return call(HTTP, baseUrl, method, path, token, json);
  }

  static Answer call(
      HttpClient client, String baseUrl, String method, String path, String token, String json)
      throws Exception {
    return call(client, baseUrl, method, path, token, json, java.util.Map.of());
  }

  /** A call with extra request headers (an {@code Idempotency-Key}, say). */
  static Answer call(
      HttpClient client,
      String baseUrl,
      String method,
      String path,
      String token,
      String json,
      java.util.Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), parse(r.body()), r.body(), r.headers());
  }

  static JsonNode parse(String body) {
    try {
      return GatewayContext.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (Exception e) {
      return GatewayContext.JSON.createObjectNode();
    }
  }

  /**
   * The demo federation on loopback with its mock back ends (those in {@code backendUrls}
   * replaced), retries backing off at most 1 s, and TH-CCIB's back end holding the demo's requested
   * case.
   */
  static DemoFederation launchWithRequestedCase(Path dir, Map<AgencyId, String> backendUrls)
      throws Exception {
    DemoFederation fed = DemoFederation.launch(dir, backendUrls, Duration.ofSeconds(1), true);
    fed.restBackend(DemoFederation.TH)
        .addCase(
            DemoScenario.REQUESTED_CASE, DemoFederation.resource(DemoScenario.REQUESTED_SAMPLE));
    return fed;
  }

  /** Starts collecting every log event of the JVM (to check that none carries personal data). */
  static ListAppender<ILoggingEvent> captureLogs() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    return logs;
  }

  static void releaseLogs(ListAppender<ILoggingEvent> logs) {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  /** An officer of {@code agency} posts a notification body to its gateway's agency API. */
  static Answer postNotification(DemoFederation fed, AgencyId agency, String officer, String json)
      throws Exception {
    return call(
        fed.gateway(agency).agencyApiUrl(),
        "POST",
        "/api/v1/notifications",
        fed.token(agency, officer, org.fedgate.trust.OfficerRole.OFFICER),
        json);
  }

  /** The state of KH-AHTJP's record request {@code id} as its officer reads it. */
  static String requestState(DemoFederation fed, String officer, String id) throws Exception {
    return call(
            fed.gateway(DemoFederation.KH).agencyApiUrl(),
            "GET",
            "/api/v1/requests/" + id,
            officer,
            null)
        .body()
        .path("state")
        .asText();
  }

  /**
   * An officer of KH-AHTJP asks TH-CCIB for the demo's requested case; returns the request id (the
   * API must accept it: 202).
   */
  static String postRecordRequest(
      DemoFederation fed, String officer, String purpose, String legalBasis, String justification)
      throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode req = GatewayContext.JSON.createObjectNode();
    req.put("partner", DemoFederation.TH.value());
    req.put("caseReference", org.fedgate.gateway.demo.DemoScenario.REQUESTED_CASE);
    req.put("purpose", purpose);
    req.put("legalBasis", legalBasis);
    req.put("justification", justification);
    Answer created =
        call(
            fed.gateway(DemoFederation.KH).agencyApiUrl(),
            "POST",
            "/api/v1/requests",
            officer,
            req.toString());
    org.assertj.core.api.Assertions.assertThat(created.status()).as(created.raw()).isEqualTo(202);
    return created.body().path("requestId").asText();
  }

  /** The number of audit entries of one operation for one message id in a gateway's trail. */
  static int auditEntries(org.fedgate.gateway.Gateway gateway, String operation, String messageId) {
    return gateway
        .context()
        .audit()
        .query(
            new org.fedgate.gateway.port.AuditTrail.AuditQuery(
                null, null, null, null, null, operation, null, messageId, null, -1, 10))
        .path("entries")
        .size();
  }

  /**
   * Starts {@code fedgate serve} as a process of its own (so that a test can SIGKILL it) and waits
   * until its agency API on {@code agencyPort} is ready; output goes to {@code log} in {@code dir}.
   */
  static Process serve(
      java.nio.file.Path config, int agencyPort, java.nio.file.Path dir, String log)
      throws Exception {
    Process p =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.fedgate.cli.FedgateCli",
                "serve",
                "--config",
                config.toString(),
                "--log-file",
                dir.resolve(log).toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(log + ".out").toFile())
            .start();
    String url = "http://127.0.0.1:" + agencyPort;
    // a fresh JVM on a busy 2-core machine once needed more than 60 s to be ready; a process that
    // died fails at once instead of after the whole wait
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(java.io.IOException.class)
        .until(
            () -> {
              if (!p.isAlive()) {
                throw new AssertionError(
                    "fedgate serve exited with " + p.exitValue() + ", see " + log + ".out");
              }
              return call(url, "GET", "/health/ready", null, null).status() == 200;
            });
    return p;
  }

  /** An HTTP client presenting the TLS certificate of {@code as} (any agency of the dev PKI). */
  static HttpClient mtlsClient(DevPki.Result pki, AgencyId as) {
    TlsMaterial tls =
        new TlsMaterial(
            new GatewayConfig.Tls(
                pki.tlsKeystore(as),
                GatewayConfig.Secret.of(DevPki.DEV_PASSWORD),
                null,
                pki.rootCertificate()));
    SSLParameters params = new SSLParameters();
    params.setEndpointIdentificationAlgorithm(null);
    return HttpClient.newBuilder()
        .sslContext(tls.sslContext())
        .sslParameters(params)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Posts an envelope to a member's federation API with the given client. */
  static Answer postEnvelope(HttpClient client, DemoFederation fed, AgencyId to, String jws)
      throws Exception {
    return postEnvelope(client, fed.gateway(to).federationApiUrl(), jws);
  }

  /** Posts an envelope to one gateway instance's federation API. */
  static Answer postEnvelope(HttpClient client, String federationApiUrl, String jws)
      throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(federationApiUrl + "/envelopes"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/jose+json")
            .POST(HttpRequest.BodyPublishers.ofString(jws))
            .build();
    HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
    return new Answer(resp.statusCode(), parse(resp.body()), resp.body(), resp.headers());
  }
}
