package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.StillMotion;
import java.util.List;
import java.util.Optional;

/** Renders one clip from its storyboard frames. */
public interface VideoProvider {
  String name();

  /** Renders the clip; blocking, cancelled through the calling gRPC Context. */
  Rendered render(ClipRequest request) throws Exception;

  /**
   * The clip as its still(s) and a camera move, for the final Stitch to render inside its one
   * encode, so no clip file is made; empty for engines that make real clip files (then the job
   * calls {@link #render}).
   */
  default Optional<Still> still(ClipRequest request) {
    return Optional.empty();
  }

  /**
   * The clip lengths it renders, seconds, ascending (its model's capabilities); empty = any
   * length. The planner cuts the plan into these, so each clip is rendered at exactly its slot.
   */
  default List<Integer> allowedSeconds() {
    return List.of();
  }

  record Rendered(ArtifactRef clip, double durationSeconds, EngineInfo engine) {}

  record Still(StillMotion motion, EngineInfo engine) {}
}
