package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.EngineInfo;

/** Renders one clip from its storyboard frames. */
public interface VideoProvider {
  String name();

  /** Renders the clip; blocking, cancelled through the calling gRPC Context. */
  Rendered render(ClipRequest request) throws Exception;

  record Rendered(ArtifactRef clip, double durationSeconds, EngineInfo engine) {}
}
