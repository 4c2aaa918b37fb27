package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate policy}: placeholder until its issue lands; it says so and fails. */
@Command(
    name = "policy",
    description = "Explain what an exchange agreement releases for a purpose.")
public final class PolicyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate policy: not available in this build yet");
    return 1;
  }
}
