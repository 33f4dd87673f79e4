package dev.reelmesh.orchestrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reelmesh} command. */
@Command(
    name = "reelmesh",
    mixinStandardHelpOptions = true,
    version = "reelmesh 0.1.0",
    description = "Turn a short brief into a finished video.",
    subcommands = {GenerateCommand.class, UpCommand.class, JobsCommands.Jobs.class,
        JobsCommands.Watch.class, JobsCommands.Cancel.class, JobsCommands.Regenerate.class,
        DoctorCommand.class, TokenCommand.class,
        CommandLine.HelpCommand.class})
public final class ReelmeshMain {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, with errors printed as one clear line (tests use it too). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ReelmeshMain());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("reelmesh: " + OneLine.describe(e));
      return 1;
    });
    return cli;
  }
}
