package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.v1.CostLine;

/** A registered storyboard image provider. */
public interface ImageEntry extends ProviderEntry {
  @Override
  default Role role() {
    return Role.IMAGE;
  }

  /** The line held for {@code count} images at {@code width}×{@code height}. */
  CostLine estimate(String model, int count, int width, int height, String label);

  ImageProvider create(String model, ProviderResources resources);
}
