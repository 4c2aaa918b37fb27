package org.fedgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;

class GatewayConfigLoaderTest {

  static final String MINIMAL =
      """
      agency: TH-CCIB
      profile: TH
      agencyApi: {port: 8081}
      federationApi: {port: 8443}
      tls: {keystore: certs/tls.p12, password: "${TLS_PW}", trustedRoot: certs/root.pem}
      signing: {keystore: certs/signing.p12, password: "${SIGN_PW:-fedgate-dev}"}
      directory: {source: certs/directory.jws, rootCertificate: certs/root.pem}
      store: {url: "jdbc:h2:file:./data/th"}
      """;

  final GatewayConfigLoader loader = new GatewayConfigLoader(Map.of("TLS_PW", "s3cret")::get);

  @Test
  void parse_minimal_appliesDefaultsAndResolvesPaths() {
    GatewayConfig c = loader.parse(MINIMAL, Path.of("/etc/fedgate"));
    assertThat(c.agency().value()).isEqualTo("TH-CCIB");
    assertThat(c.agencyApi().host()).isEqualTo("127.0.0.1");
    assertThat(c.tls().keystore()).isEqualTo(Path.of("/etc/fedgate/certs/tls.p12"));
    assertThat(c.tls().password().value()).isEqualTo("s3cret");
    assertThat(c.signing().password().value()).isEqualTo("fedgate-dev");
    assertThat(c.delivery().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(new GatewayConfig.Delivery(null, null, 0, null, null, 0, null, null).maxBackoff())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void secret_toString_hidesValue() {
    GatewayConfig c = loader.parse(MINIMAL, Path.of("/x"));
    assertThat(c.toString()).doesNotContain("s3cret");
  }

  @Test
  void parse_unknownKey_failsWithLocationOnly() {
    assertThatThrownBy(() -> loader.parse(MINIMAL + "stroe: {url: jdbc:h2:mem:x}\n", Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo("FG-5001");
              assertThat(e.getMessage()).contains("stroe");
            });
  }

  @Test
  void parse_missingStore_fails() {
    String yaml = MINIMAL.replace("store: {url: \"jdbc:h2:file:./data/th\"}\n", "");
    assertThatThrownBy(() -> loader.parse(yaml, Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.getMessage()).contains("missing key store"));
  }

  @Test
  void parse_unsetEnvironmentVariable_failsNamingTheVariableNotAValue() {
    GatewayConfigLoader noEnv = new GatewayConfigLoader(k -> null);
    assertThatThrownBy(() -> noEnv.parse(MINIMAL, Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo("FG-5001");
              assertThat(e.getMessage()).contains("TLS_PW");
            });
  }

  @Test
  void parse_badAgencyId_failsWithItsKey() {
    assertThatThrownBy(() -> loader.parse(MINIMAL.replace("TH-CCIB", "thailand"), Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo("FG-5001");
              assertThat(e.getMessage()).contains("agency").doesNotContain("thailand");
            });
  }

  @Test
  void parse_agencyApiTls_resolvesItsKeystore_andMakesTheApiHttps() {
    GatewayConfig c =
        loader.parse(
            MINIMAL.replace(
                "agencyApi: {port: 8081}",
                "agencyApi: {port: 8081, tls: {keystore: certs/api.p12, password: x}}"),
            Path.of("/etc/fedgate"));
    assertThat(c.agencyApi().tls().keystore()).isEqualTo(Path.of("/etc/fedgate/certs/api.p12"));
    assertThat(c.agencyApiUrl(8081)).isEqualTo("https://127.0.0.1:8081");
    assertThat(loader.parse(MINIMAL, Path.of("/x")).agencyApiUrl(8081))
        .isEqualTo("http://127.0.0.1:8081");
  }

  @Test
  void parse_agencyApiTlsWithoutKeystore_isConfigInvalid() {
    assertConfigInvalid(
        MINIMAL.replace("agencyApi: {port: 8081}", "agencyApi: {port: 8081, tls: {password: x}}"),
        "agencyApi.tls.keystore");
  }

  @Test
  void parse_federationApiTls_isRefused_becauseTheTopLevelTlsSectionRulesIt() {
    assertConfigInvalid(
        MINIMAL.replace(
            "federationApi: {port: 8443}",
            "federationApi: {port: 8443, tls: {keystore: certs/other.p12}}"),
        "federationApi.tls");
  }

  @Test
  void parse_agencyAndFederationApiOnOnePort_isConfigInvalid() {
    assertConfigInvalid(
        MINIMAL.replace("federationApi: {port: 8443}", "federationApi: {port: 8081}"),
        "must differ");
  }

  @Test
  void parse_claimLeaseNotLongerThanBackoffPlusTimeout_isConfigInvalid() {
    assertConfigInvalid(
        MINIMAL + "delivery: {maxBackoff: PT30S, requestTimeout: PT10S, claimLease: PT40S}\n",
        "delivery.claimLease");
    GatewayConfig c =
        loader.parse(
            MINIMAL + "delivery: {maxBackoff: PT30S, requestTimeout: PT10S}\n", Path.of("/x"));
    assertThat(c.delivery().claimLease()).isEqualTo(Duration.ofSeconds(80));
  }

  @Test
  void parse_retentionOfSentEnvelopes_defaultsTo30Days_andMustBePositive() {
    assertThat(loader.parse(MINIMAL, Path.of("/x")).retention().sentEnvelopes())
        .isEqualTo(Duration.ofDays(30));
    assertThat(
            loader
                .parse(MINIMAL + "retention: {sentEnvelopes: P7D}\n", Path.of("/x"))
                .retention()
                .sentEnvelopes())
        .isEqualTo(Duration.ofDays(7));
    assertConfigInvalid(MINIMAL + "retention: {sentEnvelopes: PT0S}\n", "retention.sentEnvelopes");
    assertConfigInvalid(
        MINIMAL + "retention: {sentEnvelopes: \"-P1D\"}\n", "retention.sentEnvelopes");
  }

  @Test
  void parse_groupCommitWait_defaultsTo2ms_andMustBeBetween0And100ms() {
    assertThat(loader.parse(MINIMAL, Path.of("/x")).store().groupCommitWait())
        .isEqualTo(Duration.ofMillis(2));
    String store =
        MINIMAL.replace(
            "store: {url: \"jdbc:h2:file:./data/th\"}",
            "store: {url: \"jdbc:h2:file:./data/th\", groupCommitWait: %s}");
    assertThat(store).isNotEqualTo(MINIMAL);
    assertThat(loader.parse(store.formatted("PT0S"), Path.of("/x")).store().groupCommitWait())
        .isZero();
    assertThat(loader.parse(store.formatted("PT0.1S"), Path.of("/x")).store().groupCommitWait())
        .isEqualTo(Duration.ofMillis(100));
    assertConfigInvalid(store.formatted("PT0.101S"), "store.groupCommitWait");
    assertConfigInvalid(store.formatted("\"-PT0.001S\""), "store.groupCommitWait");
  }

  @Test
  void parse_retentionOfIdempotencyKeys_defaultsToOneDay_andMustBePositive() {
    assertThat(loader.parse(MINIMAL, Path.of("/x")).retention().idempotencyKeys())
        .isEqualTo(Duration.ofDays(1));
    assertThat(
            loader
                .parse(MINIMAL + "retention: {idempotencyKeys: PT6H}\n", Path.of("/x"))
                .retention())
        .extracting(
            GatewayConfig.Retention::idempotencyKeys, GatewayConfig.Retention::sentEnvelopes)
        .containsExactly(Duration.ofHours(6), Duration.ofDays(30));
    assertConfigInvalid(
        MINIMAL + "retention: {idempotencyKeys: PT0S}\n", "retention.idempotencyKeys");
    assertConfigInvalid(
        MINIMAL + "retention: {idempotencyKeys: \"-PT1H\"}\n", "retention.idempotencyKeys");
  }

  @Test
  void instanceName_defaultsToHostAndAgencyApiPort_orTheConfiguredName() {
    assertThat(loader.parse(MINIMAL, Path.of("/x")).instanceName()).endsWith(":8081");
    assertThat(loader.parse(MINIMAL + "instance: th-gw-2\n", Path.of("/x")).instanceName())
        .isEqualTo("th-gw-2");
    assertConfigInvalid(MINIMAL + "instance: \"two words\"\n", "instance");
  }

  private void assertConfigInvalid(String yaml, String detail) {
    assertThatThrownBy(() -> loader.parse(yaml, Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo("FG-5001");
              assertThat(e.getMessage()).contains(detail);
            });
  }

  @Test
  void parse_backendWithoutUrl_fails() {
    assertThatThrownBy(() -> loader.parse(MINIMAL + "backend: {type: REST}\n", Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.getMessage()).contains("backend.url"));
  }

  @Test
  void parse_metricsCommonTags_areAppliedToEveryMeter() {
    GatewayConfig c =
        loader.parse(
            MINIMAL + "metrics: {commonTags: {site: bkk-dc1, env: staging}}\n", Path.of("/x"));
    assertThat(c.metrics().commonTags()).containsEntry("site", "bkk-dc1");
    var metrics =
        new org.fedgate.gateway.metrics.GatewayMetrics("TH-CCIB", c.metrics().commonTags());
    metrics.exchange("KH-AHTJP", "out", "delivered");
    assertThat(metrics.scrape())
        .contains("site=\"bkk-dc1\"")
        .contains("env=\"staging\"")
        .contains("agency=\"TH-CCIB\"");
  }

  @Test
  void parse_reservedOrInvalidCommonTag_fails() {
    for (String tags : new String[] {"{partner: x}", "{\"bad-name\": x}", "{site: \"\"}"}) {
      assertThatThrownBy(
              () -> loader.parse(MINIMAL + "metrics: {commonTags: " + tags + "}\n", Path.of("/x")))
          .as(tags)
          .isInstanceOfSatisfying(
              FedgateException.class,
              e -> {
                assertThat(e.code()).isEqualTo("FG-5001");
                assertThat(e.getMessage()).contains("metrics.commonTags");
              });
    }
  }

  @Test
  void parse_otherMetricsPath_failsRatherThanBeIgnored() {
    assertThatThrownBy(
            () -> loader.parse(MINIMAL + "metrics: {path: /prometheus}\n", Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo("FG-5001");
              assertThat(e.getMessage()).contains("metrics.path");
            });
  }

  @Test
  void parse_shortPseudonymSecret_failsWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    MINIMAL + "agreements: {pseudonymSecret: too-short-secret}\n", Path.of("/x")))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo("FG-5001");
              assertThat(e.getMessage()).contains("pseudonymSecret").doesNotContain("too-short");
            });
  }

  @Test
  void load_missingFile_fails() {
    assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/gateway.yaml")))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-5001"));
  }

  @Test
  void exampleConfigs_parse() throws Exception {
    Path root = Path.of(System.getProperty("fedgate.root", "../.."));
    for (String f :
        new String[] {
          "docs/gateway.example.yaml",
          "docker/config/th-ccib.yaml",
          "docker/config/kh-ahtjp.yaml",
          "docker/config/id-bareskrim.yaml"
        }) {
      Path p = root.resolve(f);
      // a missing file fails here: skipping it would let this test pass without reading anything
      assertThat(p).as(f).isRegularFile();
      assertThat(new GatewayConfigLoader(k -> "x".repeat(40)).load(p).agency()).isNotNull();
    }
  }
}
