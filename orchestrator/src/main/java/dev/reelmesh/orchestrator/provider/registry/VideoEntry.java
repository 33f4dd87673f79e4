package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;

/** A registered video provider. */
public interface VideoEntry extends ProviderEntry {
  @Override
  default Role role() {
    return Role.VIDEO;
  }

  /**
   * The line held (and shown by EstimateCost) for one clip of {@code seconds} (already snapped
   * to {@link #capabilities}) at {@code width}×{@code height}; the hold before the create call
   * uses exactly this line, so an estimate equals its hold.
   */
  CostLine estimate(String model, double seconds, int width, int height, String label);

  /** The provider for one job. */
  VideoProvider create(String model, ProviderResources resources);
}
