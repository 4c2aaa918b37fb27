package org.fedgate.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.trust.OfficerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TH-CCIB runs as its own process ({@code fedgate serve}) and is killed with SIGKILL while
 * notifications are being accepted and delivered; restarted on the same store, it delivers every
 * accepted notification, and KH-AHTJP's back end receives each exactly once.
 */
class GatewayCrashIT {

  static final AgencyId TH = DemoFederation.TH;
  static final AgencyId KH = DemoFederation.KH;

  @TempDir static Path dir;
  static DemoFederation fed;
  static WireMockServer backend;
  static Process th;

  @BeforeAll
  static void start() throws Exception {
    backend = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    backend.start();
    backend.stubFor(post(urlEqualTo("/notifications")).willReturn(aResponse().withStatus(201)));
    fed =
        DemoFederation.prepare(
            dir, Map.of(KH, "http://127.0.0.1:" + backend.port() + "/"), Duration.ofSeconds(1));
    fed.startGateway(KH);
  }

  @AfterAll
  static void stop() {
    if (th != null) {
      th.destroyForcibly();
    }
    if (fed != null) {
      fed.close();
    }
    if (backend != null) {
      backend.stop();
    }
  }

  static Process launchTh(String log) throws Exception {
    return Api.serve(fed.member(TH).config(), fed.member(TH).agencyPort(), dir, log);
  }

  @Test
  void killedWithSigkillUnderLoad_restarted_losesAndDuplicatesNothing() throws Exception {
    th = launchTh("th-1.log");
    String url = "http://127.0.0.1:" + fed.member(TH).agencyPort();
    String token = fed.token(TH, "th-officer-3", OfficerRole.OFFICER);
    String body = FederationIT.notification(List.of(KH), Purpose.INVESTIGATION);
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicInteger unanswered = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      Thread t =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    Api.Answer a = Api.call(url, "POST", "/api/v1/notifications", token, body);
                    if (a.status() == 202) {
                      a.body().path("messageIds").forEach(n -> accepted.add(n.asText()));
                    }
                  } catch (Exception e) {
                    // the gateway is down: a request without an answer may or may not be accepted
                    unanswered.incrementAndGet();
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException ie) {
                      return;
                    }
                  }
                }
              });
      t.start();
      clients.add(t);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 40);
    th.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close of the store
    int acceptedBeforeKill = accepted.size();
    th = launchTh("th-2.log");
    await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= acceptedBeforeKill + 20);
    running.set(false);
    for (Thread t : clients) {
      t.join(30_000);
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> successes().keySet().containsAll(accepted));
    Map<String, Integer> successes = successes();
    assertThat(successes.keySet()).containsAll(accepted);
    assertThat(successes.values()).as("deliveries per message id").allMatch(n -> n == 1);
    // anything delivered beyond what was acknowledged came from requests cut off by the kill
    assertThat(successes.size() - accepted.size()).isBetween(0, Math.max(0, unanswered.get()) + 3);
  }

  static Map<String, Integer> successes() {
    Map<String, Integer> m = new HashMap<>();
    for (ServeEvent e : backend.getAllServeEvents()) {
      if (e.getResponse().getStatus() == 201) {
        m.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
      }
    }
    return m;
  }
}
