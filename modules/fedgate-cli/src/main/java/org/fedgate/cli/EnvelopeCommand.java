package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate envelope}: placeholder until its issue lands; it says so and fails. */
@Command(name = "envelope", description = "Seal and open signed envelopes.")
public final class EnvelopeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate envelope: not available in this build yet");
    return 1;
  }
}
