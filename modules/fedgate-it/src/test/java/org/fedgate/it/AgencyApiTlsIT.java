package org.fedgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency API over HTTPS ({@code agencyApi.tls}): officers reach it with a client that trusts
 * the agency's certificate, a plain-HTTP client or one that does not trust the certificate gets
 * nothing from it, and a notification posted over HTTPS goes through the federation as usual.
 */
class AgencyApiTlsIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;

  @TempDir static Path dir;
  static DemoFederation fed;
  static HttpClient trusting;

  @BeforeAll
  static void start() throws Exception {
    fed = DemoFederation.prepare(dir, Map.of(), Duration.ofSeconds(1));
    fed.useAgencyApiTls(TH);
    fed.startMockBackends();
    fed.startGateway(TH);
    fed.startGateway(KH);
    trusting =
        HttpClient.newBuilder()
            .sslContext(trustingOnly(fed.pki().rootCertificate()))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() {
    if (fed != null) {
      fed.close();
    }
  }

  static SSLContext trustingOnly(Path rootPem) throws Exception {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    try (var in = java.nio.file.Files.newInputStream(rootPem)) {
      ts.setCertificateEntry(
          "root",
          (X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Test
  void notification_postedOverHttps_isAccepted_andDeliveredToThePartner() throws Exception {
    String url = fed.gateway(TH).agencyApiUrl();
    assertThat(url).startsWith("https://127.0.0.1:");
    assertThat(fed.gateway(KH).agencyApiUrl()).startsWith("http://127.0.0.1:");

    Api.Answer ready = Api.call(trusting, url, "GET", "/health/ready", null, null);
    assertThat(ready.status()).as(ready.raw()).isEqualTo(200);

    Api.Answer posted =
        Api.call(
            trusting,
            url,
            "POST",
            "/api/v1/notifications",
            fed.token(TH, "th-officer-tls", OfficerRole.OFFICER),
            FederationIT.notification(List.of(KH), Purpose.INVESTIGATION));
    assertThat(posted.status()).as(posted.raw()).isEqualTo(202);
    String id = posted.body().path("messageIds").get(0).asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fed.restBackend(KH).received().containsKey(id));
  }

  @Test
  void withoutToken_overHttps_isStillRefusedWith401() throws Exception {
    Api.Answer a =
        Api.call(
            trusting,
            fed.gateway(TH).agencyApiUrl(),
            "POST",
            "/api/v1/notifications",
            null,
            FederationIT.notification(List.of(KH), Purpose.INVESTIGATION));
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body().path("code").asText()).isEqualTo("FG-5003");
  }

  @Test
  void plainHttp_toTheTlsPort_neverReachesTheApi() {
    String plain = fed.gateway(TH).agencyApiUrl().replace("https://", "http://");
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(plain + "/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .build();
    // Jetty answers a cleartext request on a TLS port with 400 or drops the connection
    try {
      HttpResponse<String> resp = Api.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(resp.body()).doesNotContain("status").doesNotContain("UP");
    } catch (IOException e) {
      assertThat(e).isNotInstanceOf(java.net.http.HttpTimeoutException.class);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void clientNotTrustingTheAgencyCertificate_failsTheHandshake() {
    // the JDK's default trust store does not hold the development root
    HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(
            () ->
                Api.call(
                    defaults, fed.gateway(TH).agencyApiUrl(), "GET", "/health/ready", null, null))
        .isInstanceOf(SSLHandshakeException.class);
  }
}
