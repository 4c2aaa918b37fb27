package org.fedgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.TlsMaterial;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.model.AgencyId;
import org.fedgate.trust.DevPki;

/**
 * Small HTTP helpers for the end-to-end tests: agency API calls and mutual-TLS federation posts.
 */
final class Api {

  record Answer(int status, JsonNode body, String raw) {}

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
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
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
    return new Answer(r.statusCode(), parse(r.body()), r.body());
  }

  static JsonNode parse(String body) {
    try {
      return GatewayContext.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (Exception e) {
      return GatewayContext.JSON.createObjectNode();
    }
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
    return new Answer(resp.statusCode(), parse(resp.body()), resp.body());
  }
}
