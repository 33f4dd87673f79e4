package dev.reelmesh.orchestrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a followed job's files go and how its progress shows (generate, approve). */
final class FollowOptions {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reelmesh-out",
      description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--plain", description = "Plain progress lines instead of progress bars.")
  boolean plain;

  void check(Checks checks) {
    checks.outputDirectory("--out", out);
  }

  /** Bars at a terminal, lines otherwise (a pipe, a log, a test). */
  ProgressView view(PrintWriter err) {
    return ProgressView.create(err, plain || System.console() == null);
  }
}
