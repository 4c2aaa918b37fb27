package org.fedgate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fedgate.gateway.Gateway;
import org.fedgate.gateway.ModuleWiring;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.config.GatewayConfigLoader;
import org.fedgate.gateway.logging.Failures;
import org.fedgate.gateway.logging.JsonLogging;
import org.fedgate.model.error.FedgateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fedgate serve --config gateway.yaml}: runs one gateway until interrupted (SIGTERM or
 * Ctrl-C stop it cleanly; anything accepted and not yet delivered stays in the outbox).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run one gateway with the given configuration (see docs/gateway.md).")
public final class ServeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, description = "The gateway's YAML configuration.")
  Path config;

  @Option(
      names = "--log-file",
      description = "Write the JSON logs to this file instead of standard output.")
  Path logFile;

  @Option(
      names = "--check",
      description = "Only load and validate the configuration, then exit (0 valid, 2 invalid).")
  boolean check;

  @Override
  public Integer call() throws InterruptedException {
    GatewayConfig c = new GatewayConfigLoader().load(config);
    if (check) {
      spec.commandLine().getOut().println("configuration valid: agency " + c.agency());
      return 0;
    }
    JsonLogging.install(logFile);
    Gateway gateway;
    try {
      gateway = Gateway.start(c, ModuleWiring.wire(c));
    } catch (FedgateException e) {
      throw e;
    } catch (RuntimeException e) {
      // where it failed, without the exception's message (it may quote configuration values)
      spec.commandLine().getErr().println("gateway failed to start: " + Failures.describe(e));
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                },
                "fedgate-shutdown"));
    System.err.println(
        "fedgate "
            + c.agency()
            + " running: agency API "
            + gateway.agencyApiUrl()
            + ", federation API "
            + gateway.federationApiUrl());
    stopped.await();
    return 0;
  }
}
