package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate pki}: placeholder until its issue lands; it says so and fails. */
@Command(
    name = "pki",
    description = "Development PKI: generate a federation root, agency keys and certificates.")
public final class PkiCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate pki: not available in this build yet");
    return 1;
  }
}
