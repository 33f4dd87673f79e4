package dev.reelmesh.scoring;

import ai.onnxruntime.OrtEnvironment;
import dev.reelmesh.common.diagnostics.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What {@code reelmesh doctor} reports for the scoring service. */
public final class ScoringDiagnostics {
  private ScoringDiagnostics() {}

  public static List<Check> run(Path modelsDir) {
    List<Check> checks = new ArrayList<>();
    try {
      OrtEnvironment.getEnvironment();
      checks.add(Check.ok("scoring", "ONNX Runtime",
          "loaded; execution providers " + OrtEnvironment.getAvailableProviders()));
    } catch (Throwable e) {
      checks.add(Check.fail("scoring", "ONNX Runtime", "cannot load: " + e.getMessage()));
    }
    if (!Files.isDirectory(modelsDir)) {
      checks.add(Check.optional("scoring", "models",
          modelsDir + " does not exist: built-in technical quality scoring only"));
      return checks;
    }
    try (Stream<Path> manifests = Files.find(modelsDir, 2,
        (p, a) -> p.getFileName().toString().equals("model.json"))) {
      List<String> names = manifests.map(p -> p.getParent().getFileName().toString())
          .sorted().toList();
      checks.add(names.isEmpty()
          ? Check.optional("scoring", "models", "none in " + modelsDir
              + ": built-in technical quality scoring only (see models/README.md)")
          : Check.ok("scoring", "models", names + " in " + modelsDir));
    } catch (IOException e) {
      checks.add(Check.fail("scoring", "models", "cannot read " + modelsDir + ": " + e));
    }
    return checks;
  }
}
