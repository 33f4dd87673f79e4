package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.TokenBudgetLevel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelmesh brief --repo PATH}: a brief drafted from a code repository (the llm service's
 * DraftRepositoryBrief). The brief alone goes to stdout so it pipes into {@code generate -};
 * what it found goes to stderr.
 */
@Command(name = "brief", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Draft a video brief from a code repository.",
        "Feed it on: reelmesh brief --repo . | reelmesh generate - --duration 20"},
    footer = ExitCodes.HELP)
final class BriefCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "PATH", required = true,
      description = "The repository's folder (on the mesh's machine when --server is used).")
  Path repo;

  @Option(names = "--budget", paramLabel = "LEVEL", defaultValue = "medium",
      description = "Tokens it may spend: ultra-low, low, medium, high or standard "
          + "(default ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = "--audience", defaultValue = "", description = "Who the video is for.")
  String audience;

  @Option(names = "--duration", defaultValue = "30", description = "Target seconds, up to 600.")
  double duration;

  @Option(names = "--template", defaultValue = "",
      description = "Tone or story template (\"explainer\", \"silent-film comedy\").")
  String template;

  @Option(names = "--offline", description = "Draft with the built-in engine only, never the "
      + "LLM. A server's paid LLM answers tokens with the service role only (a submitter's LLM "
      + "work is charged through jobs), so a submit token drafts with this.")
  boolean offline;

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Checks checks = new Checks(spec);
    checks.aboveUpTo("--duration", duration, 0, 600);
    TokenBudgetLevel level = level(checks, budget);
    if (access.server == null) {
      checks.directory("--repo", repo); // remote paths are the server's to check
    }
    access.check(checks);
    try (Connection connection = access.open()) {
      DraftRepositoryBriefResponse drafted = LlmServiceGrpc.newBlockingStub(connection.llm())
          .draftRepositoryBrief(request(level));
      PrintWriter err = spec.commandLine().getErr();
      err.printf("%s — %d files read, engine %s%n", drafted.getTitle(),
          drafted.getFilesScanned(), drafted.getEngine().getEngine());
      err.println("concepts: " + String.join(", ", drafted.getConceptsList()));
      for (int i = 0; i < drafted.getStoryBeatsCount(); i++) {
        err.printf("  beat %d: %s%n", i + 1, drafted.getStoryBeats(i));
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      out.println(drafted.getBrief());
      out.flush();
      return ExitCodes.OK;
    }
  }

  DraftRepositoryBriefRequest request(TokenBudgetLevel level) {
    DraftRepositoryBriefRequest.Builder request = DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(access.server == null ? repo.toAbsolutePath().toString()
            : repo.toString())
        .setAudience(audience).setDurationSeconds(duration).setBudget(level)
        .setStoryTemplate(template);
    if (offline) {
      request.getOptionsBuilder().setEngine("offline");
    }
    return request.build();
  }

  static TokenBudgetLevel level(Checks checks, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "ultra-low" -> TokenBudgetLevel.TOKEN_BUDGET_LEVEL_ULTRA_LOW;
      case "low" -> TokenBudgetLevel.TOKEN_BUDGET_LEVEL_LOW;
      case "medium" -> TokenBudgetLevel.TOKEN_BUDGET_LEVEL_MEDIUM;
      case "high" -> TokenBudgetLevel.TOKEN_BUDGET_LEVEL_HIGH;
      case "standard" -> TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD;
      default -> throw checks.refuse("--budget must be ultra-low, low, medium, high or "
          + "standard, got '" + value + "'");
    };
  }
}
