package dev.reelmesh.scoring;

import dev.reelmesh.common.config.MeshSettings;
import io.grpc.BindableService;
import java.util.List;

/** Everything the scoring-service serves, ready to bind to any server builder. */
public final class ScoringServices {
  private ScoringServices() {}

  /**
   * The services tuned by the environment ({@link ScoringConfig#fromEnvironment}). The runtime behind them holds native ONNX sessions; it is
   * closed by a JVM shutdown hook because this signature hands back no handle to close. Code that
   * can close it itself uses {@link ScoringRuntime#open}.
   */
  public static List<BindableService> create(MeshSettings settings) {
    return create(settings, ScoringConfig.fromEnvironment(System.getenv()));
  }

  public static List<BindableService> create(MeshSettings settings, ScoringConfig config) {
    ScoringRuntime runtime = ScoringRuntime.open(settings, config);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "scoring-runtime-close"));
    return runtime.services();
  }
}
