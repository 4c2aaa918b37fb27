package org.fedgate.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KH-AHTJP's national back end fails for 30 seconds (500s, answers slower than the gateway's
 * timeout, reset connections, in rotation) and then recovers: every notification reaches it exactly
 * once (one successful delivery per message id).
 */
class BackendOutageIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;
  static final int MESSAGES = 20;
  static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static DemoFederation fed;
  static WireMockServer backend;

  @BeforeAll
  static void start() throws Exception {
    backend = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    backend.start();
    fed =
        DemoFederation.launch(
            dir,
            Map.of(KH, "http://127.0.0.1:" + backend.port() + "/"),
            Duration.ofSeconds(2),
            true);
  }

  @AfterAll
  static void stop() {
    if (fed != null) {
      fed.close();
    }
    if (backend != null) {
      backend.stop();
    }
  }

  static void failing() {
    String s = "outage";
    backend.stubFor(
        post(urlEqualTo("/notifications"))
            .inScenario(s)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("reset"));
    backend.stubFor(
        post(urlEqualTo("/notifications"))
            .inScenario(s)
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("slow"));
    // slower than the gateway's back-end timeout (5 s): the gateway gives up and retries
    backend.stubFor(
        post(urlEqualTo("/notifications"))
            .inScenario(s)
            .whenScenarioStateIs("slow")
            .willReturn(aResponse().withStatus(503).withFixedDelay(6_000))
            .willSetStateTo(Scenario.STARTED));
  }

  @Test
  void backendDownFor30Seconds_thenRecovers_everyMessageDeliveredExactlyOnce() throws Exception {
    failing();
    String token = fed.token(TH, "th-officer-9", OfficerRole.OFFICER);
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < MESSAGES; i++) {
      Api.Answer a =
          Api.call(
              fed.gateway(TH).agencyApiUrl(),
              "POST",
              "/api/v1/notifications",
              token,
              FederationIT.notification(List.of(KH), Purpose.INVESTIGATION));
      assertThat(a.status()).as(a.raw()).isEqualTo(202);
      a.body().path("messageIds").forEach(n -> sent.add(n.asText()));
    }
    assertThat(sent).hasSize(MESSAGES);

    Thread.sleep(OUTAGE.toMillis());
    assertThat(fed.gateway(KH).context().inbound().count(InboundQueue.State.DELIVERED)).isZero();
    backend.resetAll();
    backend.stubFor(post(urlEqualTo("/notifications")).willReturn(aResponse().withStatus(201)));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                fed.gateway(KH).context().inbound().count(InboundQueue.State.DELIVERED)
                    == MESSAGES);
    Map<String, Integer> successes = new HashMap<>();
    for (ServeEvent e : backend.getAllServeEvents()) {
      if (e.getResponse().getStatus() == 201) {
        successes.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
      }
    }
    assertThat(successes.keySet()).isEqualTo(sent);
    assertThat(successes.values()).allMatch(n -> n == 1);
    assertThat(fed.gateway(KH).context().inbound().count(InboundQueue.State.DEAD)).isZero();
    assertThat(fed.gateway(KH).context().metrics().scrape())
        .contains("fedgate_delivery_retries_total");
  }
}
