package org.fedgate.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.DemoScenario;
import org.fedgate.gateway.logging.JsonLogging;
import org.fedgate.model.AgencyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fedgate demo}: a three-gateway federation on loopback with mock national back ends, a
 * scripted scenario and its summary. Exits 0 when every step succeeded and every audit trail
 * verifies.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run TH-CCIB, KH-AHTJP and ID-BARESKRIM gateways on loopback with mock national back ends,",
      "play a scripted scenario and print what was released, generalised, pseudonymised and",
      "withheld per partner, the receipts and the verification of every audit trail."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      description =
          "Keep the gateways' stores, PKI and configurations here (default: a fresh temporary folder).")
  Path dataDir;

  @Option(
      names = "--keep-running",
      description =
          "Leave the federation running after the scenario and print its URLs (Ctrl-C stops it).")
  boolean keepRunning;

  @Option(
      names = "--timeout",
      defaultValue = "PT30S",
      description =
          "How long to wait for each asynchronous step (ISO-8601 duration, default PT30S).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    Path dir =
        dataDir != null
            ? Files.createDirectories(dataDir.toAbsolutePath())
            : Files.createTempDirectory("fedgate-demo-");
    JsonLogging.install(dir.resolve("gateways.log"));
    out.println("fedgate demo: three gateways on loopback, data in " + dir);
    long start = System.nanoTime();
    // retries with fresh ports if another process takes a port picked as free (bounded)
    DemoFederation fed = DemoFederation.launch(dir, Map.of(), Duration.ofSeconds(2), true);
    boolean ok;
    try {
      ok = new DemoScenario(fed, out, timeout).run();
    } catch (Exception e) {
      fed.close();
      throw e;
    }
    out.println();
    AgencyId th = DemoFederation.TH;
    String store = fed.storeUrl(th);
    Path cert = fed.pki().agencyDir(th).resolve("signing.pem");
    out.println("Reviewers, for example for " + th + " (same for the other stores above):");
    out.println("  ./fedgate audit verify --store '" + store + "' --cert " + cert);
    out.println(
        "  ./fedgate audit export --store '"
            + store
            + "' --from 2026-01-01T00:00:00Z --to 2100-01-01T00:00:00Z --out "
            + dir.resolve("th-ccib-audit-bundle.json"));
    out.println(
        "  ./fedgate audit verify-bundle "
            + dir.resolve("th-ccib-audit-bundle.json")
            + " --cert "
            + cert);
    out.printf(
        "Gateway logs (JSON): %s   demo %s in %.1f s%n",
        dir.resolve("gateways.log"),
        ok ? "succeeded" : "FAILED",
        (System.nanoTime() - start) / 1e9);
    if (keepRunning) {
      out.println();
      out.println("Federation running (Ctrl-C stops it):");
      for (AgencyId a : DemoFederation.AGENCIES) {
        out.printf(
            "  %-13s agency API %s/openapi.yaml   federation API %s   config %s%n",
            a,
            fed.gateway(a).agencyApiUrl(),
            fed.gateway(a).federationApiUrl(),
            fed.member(a).config());
      }
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    fed.close();
                    stop.countDown();
                  }));
      stop.await();
      return ok ? 0 : 1;
    }
    fed.close();
    return ok ? 0 : 1;
  }
}
