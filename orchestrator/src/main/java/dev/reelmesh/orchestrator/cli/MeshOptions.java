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

  @Option(names = "--database", paramLabel = "URL",
      description = "A shared PostgreSQL for jobs and spend (env REELMESH_DATABASE_URL; default:"
          + " an embedded PostgreSQL under the data directory).")
  String database;

  MeshSettings settings() {
    return MeshSettings.resolve(data, models, System.getenv());
  }

  /** --database, else REELMESH_DATABASE_URL, else null (the embedded server). */
  String databaseUrl() {
    return database != null ? database
        : System.getenv(dev.reelmesh.orchestrator.store.Database.URL_VARIABLE);
  }
}
