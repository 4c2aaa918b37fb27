package org.fedgate.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFederationTest {

  @TempDir Path dir;

  @Test
  void isBindFailure_wrappedBindException_isRecognised() {
    var wrapped =
        new FedgateException(
            GatewayError.INTERNAL,
            "gateway failed to start: ServiceConstructionException",
            new RuntimeException("wrapper", new BindException("Address already in use")));
    assertThat(DemoFederation.isBindFailure(wrapped)).isTrue();
    assertThat(DemoFederation.isBindFailure(new IllegalStateException("other"))).isFalse();
  }

  @Test
  void isBindFailure_cxfEngineStillHoldingThePath_isRecognised() {
    var wrapped =
        new FedgateException(
            GatewayError.INTERNAL,
            "gateway failed to start: ServiceConstructionException",
            new RuntimeException(
                "Could not add cxf jetty handler for url http://127.0.0.1:1/ to Jetty server,"
                    + " as the path / is still in use."));
    assertThat(DemoFederation.isBindFailure(wrapped)).isTrue();
  }

  @Test
  void distinct_sourceRepeatingAPort_neverHandsItOutTwice() throws Exception {
    int[] sequence = {4001, 4001, 4002, 4001, 4002, 4003};
    int[] i = {0};
    DemoFederation.PortSource ports = DemoFederation.distinct(() -> sequence[i[0]++]);
    assertThat(new int[] {ports.next(), ports.next(), ports.next()})
        .containsExactly(4001, 4002, 4003);
  }

  @Test
  void launch_portTakenMeanwhile_retriesWithFreshPortsAndStarts() throws Exception {
    // the first port handed out (TH's agency API) is held by "another process"
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicBoolean first = new AtomicBoolean(true);
      DemoFederation.PortSource ports =
          () -> first.getAndSet(false) ? taken.getLocalPort() : freePort();
      try (DemoFederation fed =
          DemoFederation.launch(dir, Map.of(), Duration.ofSeconds(1), true, ports)) {
        assertThat(fed.dir()).isEqualTo(dir.resolve("attempt-2"));
        assertThat(fed.member(DemoFederation.TH).agencyPort()).isNotEqualTo(taken.getLocalPort());
        for (var a : DemoFederation.AGENCIES) {
          assertThat(fed.gateway(a)).isNotNull();
        }
      }
    }
  }

  @Test
  void startGateway_postgresStoreUnreachable_failsWithStoreUnavailable_namingNoCredentials()
      throws Exception {
    try (DemoFederation fed = DemoFederation.prepare(dir, Map.of(), Duration.ofSeconds(1))) {
      int closed = freePort(); // nothing listens there
      fed.useStore(
          DemoFederation.TH,
          "jdbc:postgresql://127.0.0.1:" + closed + "/th?password=db-secret-xyz",
          "fedgate");
      assertThatThrownBy(() -> fed.startGateway(DemoFederation.TH))
          .isInstanceOfSatisfying(
              FedgateException.class,
              e -> {
                assertThat(e.code()).isEqualTo("FG-5013");
                assertThat(e.getMessage()).doesNotContain("db-secret-xyz").doesNotContain("jdbc:");
              });
    }
  }

  @Test
  void startGateway_storeNeitherH2NorPostgres_isAConfigurationError() throws Exception {
    try (DemoFederation fed = DemoFederation.prepare(dir, Map.of(), Duration.ofSeconds(1))) {
      fed.useStore(DemoFederation.TH, "jdbc:mysql://127.0.0.1/th", "fedgate");
      assertThatThrownBy(() -> fed.startGateway(DemoFederation.TH))
          .isInstanceOfSatisfying(
              FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-5001"));
    }
  }

  @Test
  void startGateway_agencyApiTlsKeystoreUnreadable_isAConfigurationError() throws Exception {
    try (DemoFederation fed = DemoFederation.prepare(dir, Map.of(), Duration.ofSeconds(1))) {
      fed.useAgencyApiTls(DemoFederation.TH);
      Path config = fed.member(DemoFederation.TH).config();
      String keystore = "    keystore: " + fed.pki().tlsKeystore(DemoFederation.TH);
      String yaml = Files.readString(config);
      assertThat(yaml).contains(keystore);
      Files.writeString(config, yaml.replace(keystore, "    keystore: " + dir.resolve("gone.p12")));
      assertThatThrownBy(() -> fed.startGateway(DemoFederation.TH))
          .isInstanceOfSatisfying(
              FedgateException.class,
              e -> {
                assertThat(e.code()).isEqualTo("FG-5001");
                assertThat(e.getMessage()).contains("agencyApi.tls");
              });
    }
  }

  private static int freePort() throws IOException {
    return DemoFederation.freePort();
  }
}
