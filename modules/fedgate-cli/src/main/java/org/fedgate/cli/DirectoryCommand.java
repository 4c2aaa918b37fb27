package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate directory}: placeholder until its issue lands; it says so and fails. */
@Command(name = "directory", description = "Sign and verify the federation directory.")
public final class DirectoryCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate directory: not available in this build yet");
    return 1;
  }
}
