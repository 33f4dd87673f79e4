package dev.reelmesh.scoring;

import dev.reelmesh.common.config.MeshSettings;
import io.grpc.BindableService;
import java.util.List;

/** Everything the scoring-service serves, ready to bind to any server builder. */
public final class ScoringServices {
  private ScoringServices() {}

  public static List<BindableService> create(MeshSettings settings) {
    return List.of(new ScoringGrpcService());
  }
}
