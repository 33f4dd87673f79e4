package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.config.MeshSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the mesh keeps its files; shared by every command that starts one. */
final class MeshOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Artifacts and state (env REELMESH_DATA; default ~/.local/share/reelmesh).")
  Path data;

  @Option(names = "--models", paramLabel = "DIR",
      description = "Scoring model repository (env REELMESH_MODELS; default models/).")
  Path models;

  MeshSettings settings() {
    return MeshSettings.resolve(data, models, System.getenv());
  }
}
