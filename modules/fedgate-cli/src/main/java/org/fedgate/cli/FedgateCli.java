package org.fedgate.cli;

import java.io.PrintWriter;
import org.fedgate.model.error.FedgateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fedgate} command. Exit codes: 0 success, 1 failure, 2 invalid input (FG code). */
@Command(
    name = "fedgate",
    mixinStandardHelpOptions = true,
    version = "fedgate 0.1.0-SNAPSHOT",
    description = "Regional federation gateway for sharing case and victim records.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      TranslateCommand.class,
      PkiCommand.class,
      DirectoryCommand.class,
      EnvelopeCommand.class,
      PolicyCommand.class,
      AuditCommand.class,
      AgreementCommand.class,
      TokenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FedgateCli implements Runnable {

  /** Exit code for input that was refused with an {@code FG-xxxx} code. */
  public static final int EXIT_INVALID = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FedgateCli());
    cl.setExecutionExceptionHandler(FedgateCli::handle);
    return cl;
  }

  /** Typed failures print their code and fixed title (never input values) and exit 2. */
  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof FedgateException fe) {
      err.println(fe.getMessage());
      return EXIT_INVALID;
    }
    err.println("error: " + e.getClass().getSimpleName());
    return 1;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
