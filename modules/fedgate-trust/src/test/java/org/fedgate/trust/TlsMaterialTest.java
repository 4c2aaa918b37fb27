package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fedgate.trust.TestFederation.KH;
import static org.fedgate.trust.TestFederation.REVOKED;
import static org.fedgate.trust.TestFederation.TH;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.fedgate.model.AgencyId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

  @TempDir static Path dir;
  static TestFederation fed;

  @BeforeAll
  static void federation() throws Exception {
    fed = TestFederation.create(dir, JwsAlgorithm.ES256);
  }

  private static TlsMaterial tls(AgencyId a) {
    return TlsMaterial.load(
        fed.pki.tlsKeystore(a), fed.pki.password(), fed.pki.federationRoot(), fed.pki.crl());
  }

  /** Runs one mutual-TLS handshake and returns the client certificate the server saw. */
  private static X509Certificate handshake(AgencyId server, AgencyId client) throws Exception {
    try (SSLServerSocket ss =
        (SSLServerSocket)
            tls(server)
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ss.setNeedClientAuth(true);
      CompletableFuture<X509Certificate> seen =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                  s.setSoTimeout(5000);
                  s.startHandshake();
                  return (X509Certificate) s.getSession().getPeerCertificates()[0];
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      try (SSLSocket c =
          (SSLSocket)
              tls(client)
                  .sslContext()
                  .getSocketFactory()
                  .createSocket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
        c.setSoTimeout(5000);
        c.startHandshake();
        c.getOutputStream().write(1);
        c.getInputStream().read();
      } catch (IOException e) {
        seen.cancel(true);
        throw e;
      }
      return seen.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void handshake_twoMembers_peerMapsToMember() throws Exception {
    X509Certificate peer = handshake(TH, KH);
    assertThat(fed.holder.current(fed.now).memberByTlsCertificate(peer)).isEqualTo(KH);
  }

  @Test
  void handshake_revokedClient_refused() {
    assertThatThrownBy(() -> handshake(TH, REVOKED)).isInstanceOf(Exception.class);
  }
}
