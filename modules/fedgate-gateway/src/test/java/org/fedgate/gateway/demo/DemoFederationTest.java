package org.fedgate.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

  private static int freePort() throws IOException {
    return DemoFederation.freePort();
  }
}
