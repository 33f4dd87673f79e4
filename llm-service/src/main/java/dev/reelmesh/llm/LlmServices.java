package dev.reelmesh.llm;

import dev.reelmesh.common.config.MeshSettings;
import io.grpc.BindableService;
import java.util.List;

/** Everything the llm-service serves, ready to bind to any server builder. */
public final class LlmServices {
  private LlmServices() {}

  public static List<BindableService> create(MeshSettings settings) {
    return List.of(new LlmGrpcService());
  }
}
