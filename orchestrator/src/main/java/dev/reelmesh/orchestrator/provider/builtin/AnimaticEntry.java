package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.registry.ImageEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.v1.CostLine;

/** The offline storyboard: the animatic renderer draws a scene graph of the brief. */
final class AnimaticEntry extends BuiltIn implements ImageEntry {
  AnimaticEntry() {
    super("animatic", "built-in animatic renderer: the brief's setting, subject and "
        + "characters, drawn (offline, free)");
  }

  @Override
  public CostLine estimate(String model, int count, int width, int height, String label) {
    return FreeLine.of("storyboard", name(), "images", count, "images");
  }

  @Override
  public ImageProvider create(String model, ProviderResources resources) {
    return new AnimaticImageProvider();
  }
}
