package dev.reelmesh.scoring;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.scoring.model.ManifestException;
import dev.reelmesh.scoring.model.ManifestParser;
import dev.reelmesh.scoring.model.ModelLoadException;
import dev.reelmesh.scoring.model.ModelManifest;
import dev.reelmesh.scoring.model.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What {@code reelmesh doctor} reports for the scoring service. */
public final class ScoringDiagnostics {
  private ScoringDiagnostics() {}

  public static List<Check> run(Path modelsDir) {
    List<Check> checks = new ArrayList<>();
    try {
      OrtEnvironment.getEnvironment();
      boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
      checks.add(Check.ok("scoring", "ONNX Runtime",
          "loaded; execution providers " + OrtEnvironment.getAvailableProviders()
              + (cuda ? "" : " (CPU only; for CUDA build with REELMESH_BUILD_ARGS=-Pgpu,"
                  + " see docs/operations.md)")));
    } catch (Throwable e) {
      checks.add(Check.fail("scoring", "ONNX Runtime", "cannot load: " + e.getMessage()));
    }
    if (!Files.isDirectory(modelsDir)) {
      checks.add(Check.optional("scoring", "models",
          modelsDir + " does not exist: built-in technical quality scoring only"));
      return checks;
    }
    List<Path> manifests;
    try (Stream<Path> found = Files.find(modelsDir, 2,
        (p, a) -> p.getFileName().toString().equals("model.json"))) {
      manifests = found.sorted().toList();
    } catch (IOException e) {
      checks.add(Check.fail("scoring", "models", "cannot read " + modelsDir + ": " + e));
      return checks;
    }
    if (manifests.isEmpty()) {
      checks.add(Check.optional("scoring", "models", "none in " + modelsDir
          + ": built-in technical quality scoring only (see models/README.md)"));
      return checks;
    }
    for (Path manifest : manifests) {
      checks.add(checkModel(manifest));
    }
    return checks;
  }

  /**
   * The scoring settings the environment gives ({@link ScoringConfig#fromEnvironment}): what
   * they are, or the malformed one that would stop the service at startup.
   */
  public static Check settings(java.util.Map<String, String> env) {
    try {
      ScoringConfig c = ScoringConfig.fromEnvironment(env);
      return Check.ok("scoring", "settings", "batch <= " + c.maxBatch() + ", wait "
          + c.maxBatchWait().toMillis() + " ms, " + c.workers() + " workers, images by URL "
          + (c.fetch().enabled() ? "from " + c.fetch().allowedHosts() : "off"));
    } catch (IllegalArgumentException e) {
      return Check.fail("scoring", "settings", e.getMessage());
    }
  }

  /** The manifest parses and some version directory holds a model.onnx. */
  private static Check checkModel(Path manifest) {
    Path dir = manifest.getParent();
    String name = "model " + dir.getFileName();
    try {
      ModelManifest m = ManifestParser.parse(Files.readString(manifest));
      try (Stream<Path> versions = Files.list(dir)) {
        List<String> loadable = versions
            .filter(v -> v.getFileName().toString().matches("[1-9][0-9]*"))
            .filter(v -> Files.isRegularFile(v.resolve("model.onnx")))
            .map(v -> v.getFileName().toString()).sorted().toList();
        if (loadable.isEmpty()) {
          return Check.fail("scoring", name, "no <version>/model.onnx under " + dir);
        }
        if (m.kind().hasText()) {
          // The newest version's tokenizer, as the loader will look for it (SentencePiece
          // files are named as such here, before a start-up that would fail them).
          String newest = loadable.stream().max(Comparator.comparingInt(String::length)
              .thenComparing(Comparator.naturalOrder())).orElseThrow(); // numerically
          TokenizerFiles.find(dir, dir.resolve(newest), m);
        }
        return Check.ok("scoring", name, m.kind().id() + ", versions " + loadable);
      }
    } catch (ManifestException | ModelLoadException e) {
      return Check.fail("scoring", name, e.getMessage());
    } catch (IOException e) {
      return Check.fail("scoring", name, "cannot read " + dir + ": " + e.getMessage());
    }
  }
}
