package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate translate}: placeholder until its issue lands; it says so and fails. */
@Command(
    name = "translate",
    description = "Translate a record between a national profile and the canonical model.")
public final class TranslateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate translate: not available in this build yet");
    return 1;
  }
}
