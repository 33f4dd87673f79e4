package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;

/** The offline clips: the planned camera move over the chosen frames. */
final class MotionEntry extends BuiltIn implements VideoEntry {
  MotionEntry() {
    super("motion", "built-in motion clips: the planned camera move (push-in, pan, glide, ...) "
        + "over the storyboard frames, rendered in the final encode (offline, free)");
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height,
      String label) {
    return FreeLine.of("clips", name(), "video seconds", seconds, "video_seconds");
  }

  @Override
  public VideoProvider create(String model, ProviderResources resources) {
    return new MotionVideoProvider(resources.media());
  }
}
