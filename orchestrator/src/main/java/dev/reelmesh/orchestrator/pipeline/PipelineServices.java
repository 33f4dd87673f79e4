package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.orchestrator.mesh.MeshChannels;
import io.grpc.BindableService;
import java.util.List;

/** Everything the orchestrator serves, ready to bind to any server builder. */
public final class PipelineServices {
  private PipelineServices() {}

  /**
   * The pipeline reaches the other services only through {@code channels}: in-process in one JVM,
   * Netty across machines. It does not own them.
   */
  public static List<BindableService> create(MeshSettings settings, MeshChannels channels) {
    return List.of(new PipelineGrpcService());
  }
}
