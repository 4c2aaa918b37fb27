package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate serve}: placeholder until its issue lands; it says so and fails. */
@Command(name = "serve", description = "Run one gateway.")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate serve: not available in this build yet");
    return 1;
  }
}
