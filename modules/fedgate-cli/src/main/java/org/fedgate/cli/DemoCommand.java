package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate demo}: placeholder until its issue lands; it says so and fails. */
@Command(
    name = "demo",
    description = "Run a whole federation on loopback and play a scripted scenario.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate demo: not available in this build yet");
    return 1;
  }
}
