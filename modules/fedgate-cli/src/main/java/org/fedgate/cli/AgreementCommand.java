package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate agreement}: placeholder until its issue lands; it says so and fails. */
@Command(
    name = "agreement",
    description = "Sign and verify exchange agreements (one signature per party).")
public final class AgreementCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate agreement: not available in this build yet");
    return 1;
  }
}
