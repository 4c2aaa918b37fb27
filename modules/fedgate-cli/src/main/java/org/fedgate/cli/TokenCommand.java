package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate token}: placeholder until its issue lands; it says so and fails. */
@Command(name = "token", description = "Issue development officer tokens.")
public final class TokenCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate token: not available in this build yet");
    return 1;
  }
}
