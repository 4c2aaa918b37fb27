package org.fedgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fedgate audit}: placeholder until its issue lands; it says so and fails. */
@Command(name = "audit", description = "Verify and export the tamper-evident audit trail.")
public final class AuditCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("fedgate audit: not available in this build yet");
    return 1;
  }
}
