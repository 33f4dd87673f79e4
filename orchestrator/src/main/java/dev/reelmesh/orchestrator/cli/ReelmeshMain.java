package dev.reelmesh.orchestrator.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code reelmesh} command. */
@Command(
    name = "reelmesh",
    mixinStandardHelpOptions = true,
    version = "reelmesh 0.1.0",
    description = "Turn a short brief into a finished video.",
    footer = ExitCodes.HELP,
    subcommands = {GenerateCommand.class, EstimateCommand.class, ApproveCommand.class,
        BriefCommand.class, BudgetCommand.class, UpCommand.class, JobsCommands.Jobs.class,
        JobsCommands.Watch.class, JobsCommands.Cancel.class, JobsCommands.Regenerate.class,
        StudioCommand.class, DoctorCommand.class, TokenCommand.class, CreditsCommand.class,
        ChatCommand.class,
        CommandLine.HelpCommand.class})
public final class ReelmeshMain {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, with errors printed as one clear line (tests use it too). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ReelmeshMain());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      OptionSpec server = commandLine.getCommandSpec().findOption("--server");
      String address = server == null ? null : server.getValue();
      boolean given = commandLine.getParseResult().hasMatchedOption("--server");
      commandLine.getErr().println("reelmesh: " + OneLine.describe(e, address, given));
      commandLine.getErr().flush();
      return e instanceof StatusRuntimeException sre && address != null
          && sre.getStatus().getCode() == Status.Code.UNAVAILABLE
          ? ExitCodes.UNREACHABLE : ExitCodes.FAILED;
    });
    // Bad flags: the one line that says what is wrong and the allowed values, not the whole
    // usage text; help is one flag away.
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine command = e.getCommandLine();
      command.getErr().println("reelmesh: " + e.getMessage());
      command.getErr().println("(see: " + command.getCommandSpec().qualifiedName() + " --help)");
      command.getErr().flush();
      return ExitCodes.USAGE;
    });
    return cli;
  }
}
