package dev.reelmesh.common.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a mesh keeps its files: the data directory (artifacts and state) and the model repository.
 * Flags win over environment variables ({@code REELMESH_DATA}, {@code REELMESH_MODELS}), which win
 * over the defaults (a per-user data directory; {@code models/}).
 */
public record MeshSettings(Path dataDir, Path modelsDir) {
  public static final String DATA_ENV = "REELMESH_DATA";
  public static final String MODELS_ENV = "REELMESH_MODELS";

  public MeshSettings {
    dataDir = dataDir.toAbsolutePath().normalize();
    modelsDir = modelsDir.toAbsolutePath().normalize();
  }

  /** Artifacts shared by the services (frames, clips, final videos). */
  public Path artifactRoot() {
    return dataDir.resolve("artifacts");
  }

  /** Durable state: jobs, event logs, the spend ledger. */
  public Path stateDir() {
    return dataDir.resolve("state");
  }

  /** Settings from flags (null when not given), then the environment, then the defaults. */
  public static MeshSettings resolve(Path dataFlag, Path modelsFlag, Map<String, String> env) {
    Path data = dataFlag != null ? dataFlag : envPath(env, DATA_ENV);
    Path models = modelsFlag != null ? modelsFlag : envPath(env, MODELS_ENV);
    return new MeshSettings(
        data != null ? data : defaultDataDir(env), models != null ? models : Path.of("models"));
  }

  /** {@code $XDG_DATA_HOME/reelmesh}, else {@code ~/.local/share/reelmesh}. */
  static Path defaultDataDir(Map<String, String> env) {
    Path xdg = envPath(env, "XDG_DATA_HOME");
    Path base =
        xdg != null ? xdg : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("reelmesh");
  }

  private static Path envPath(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : Path.of(value);
  }
}
