package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.llm.LlmDiagnostics;
import dev.reelmesh.media.MediaDiagnostics;
import dev.reelmesh.scoring.ScoringDiagnostics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reelmesh doctor}: what this machine has and lacks. Exit 1 when something needed fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Report what this machine has and lacks (never prints a secret).")
final class DoctorCommand implements Callable<Integer> {
  @Mixin MeshOptions mesh;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MeshSettings settings = mesh.settings();
    List<Check> checks = new ArrayList<>();
    checks.add(Check.ok("runtime", "Java", System.getProperty("java.vm.name") + " "
        + Runtime.version()));
    checks.add(dataDir(settings.dataDir()));
    checks.addAll(MediaDiagnostics.run());
    checks.addAll(ScoringDiagnostics.run(settings.modelsDir()));
    checks.add(ScoringDiagnostics.settings(System.getenv()));
    checks.addAll(LlmDiagnostics.run(System.getenv()));
    checks.add(speech());
    checks.add(dev.reelmesh.orchestrator.provider.image.AnimaticDiagnostics.run());
    checks.addAll(ProviderChecks.run(System.getenv()));
    PrintWriter out = spec.commandLine().getOut();
    for (Check check : checks) {
      out.printf("%-10s %-8s %-16s %s%n", "[" + check.outcome() + "]", check.area(), check.name(),
          check.detail());
    }
    boolean failed = checks.stream().anyMatch(c -> c.outcome() == Check.Outcome.FAIL);
    out.println(failed ? "Something needed is missing: see [FAIL] above." : "Ready.");
    out.flush();
    return failed ? 1 : 0;
  }

  private static Check dataDir(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".doctor", ".tmp");
      Files.delete(probe);
      return Check.ok("runtime", "data directory", dir + " (writable)");
    } catch (Exception e) {
      return Check.fail("runtime", "data directory", dir + " is not writable: " + e.getMessage());
    }
  }

  /** espeak-ng narrates offline; without it the video has captions only. */
  private static Check speech() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "espeak-ng"))) {
        return Check.ok("speech", "espeak-ng", Path.of(dir, "espeak-ng").toString());
      }
    }
    return Check.optional("speech", "espeak-ng",
        "not on PATH: offline videos get captions but no narration (apt-get install espeak-ng)");
  }
}
