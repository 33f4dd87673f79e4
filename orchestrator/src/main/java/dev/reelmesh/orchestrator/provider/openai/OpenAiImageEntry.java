package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ImageEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;

/** Storyboard frames from OpenAI images (gpt-image-1): generations, then edits anchored. */
final class OpenAiImageEntry extends OpenAiEntry implements ImageEntry {
  OpenAiImageEntry(OpenAiConfig config, LazyClient client) {
    super(config, client);
  }

  @Override
  public String description() {
    return "OpenAI images (gpt-image-1 and compatible): storyboard frames, later frames edited "
        + "from the reference and the previous frame";
  }

  @Override
  List<Setting> roleSettings() {
    return List.of(
        Setting.optional("REELMESH_OPENAI_IMAGE_MODEL", "image model (default gpt-image-1)"),
        Setting.optional("REELMESH_OPENAI_IMAGE_QUALITY", "low, medium (default) or high"));
  }

  @Override
  public String defaultModel() {
    return config.imageModel();
  }

  @Override
  public Capabilities capabilities(String model) {
    // The edit endpoint takes up to 16 input images; the sizes are gpt-image-1's three.
    return new Capabilities(List.of(), 0, 0, Map.of(
        AspectRatio.ASPECT_RATIO_16_9, "1536x1024", AspectRatio.ASPECT_RATIO_9_16, "1024x1536",
        AspectRatio.ASPECT_RATIO_1_1, "1024x1024"), false, false, 16, false, 32_000);
  }

  private OpenAiConfig config(String model) {
    return model.isEmpty() ? config : config.withImageModel(model);
  }

  @Override
  public CostLine estimate(String model, int count, int width, int height, String label) {
    OpenAiConfig c = config(model);
    String size = Sizes.image(new FrameSize(width, height));
    return CostLine.newBuilder().setStage("storyboard").setProvider(name())
        .setItem(c.imageModel() + " " + c.imageQuality() + " " + size).setQuantity(count)
        .setUnit("images").setEstimatedMicros(count * PriceTable.imageMicros(c.imageModel(),
            c.imageQuality(), size)).build();
  }

  @Override
  public ImageProvider create(String model, ProviderResources resources) {
    OpenAiConfig c = config(model);
    return new OpenAiImageProvider(client.get(), c, new OpenAiCalls(c), resources.spend(),
        resources.memo());
  }
}
