package dev.reelmesh.orchestrator.provider.gemini;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.remote.PaidVideoEntry;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Google's Gemini API video generation (Veo) as a registered video provider. */
public final class GeminiEntry extends PaidVideoEntry {
  private final GeminiConfig config;
  private final GeminiApi api;

  public GeminiEntry(GeminiConfig config) {
    super("gemini", "Gemini API video generation: Veo 3.1 (first and last frame), priced per "
        + "second", Setting.secret(GeminiConfig.KEY_VARIABLE, "Gemini API key"),
        config.key().isPresent(), List.of(
            Setting.optional(GeminiConfig.BASE_URL_VARIABLE, "API base URL (default "
                + "https://generativelanguage.googleapis.com)"),
            Setting.optional(GeminiConfig.MODEL_VARIABLE, "Veo model id (default "
                + VeoModels.DEFAULT + "; preview ids were retired 2026-10-22)"),
            Setting.optional(GeminiConfig.PRICE_VARIABLE, "US dollars per second of video for "
                + "that model, over the documented default")));
    this.config = config;
    this.api = config.key().isPresent() ? new GeminiApi(config) : null;
  }

  public static GeminiEntry fromEnv(Map<String, String> env) {
    return new GeminiEntry(GeminiConfig.fromEnv(env));
  }

  @Override
  protected Optional<String> unpriced(String model) {
    String id = modelId(model);
    return config.price(id).isPresent() ? Optional.empty() : Optional.of("Veo model " + id
        + " has no documented price; set " + GeminiConfig.MODEL_VARIABLE + "=" + id + " and "
        + GeminiConfig.PRICE_VARIABLE);
  }

  @Override
  protected Optional<Long> microsPerSecond(String model) {
    return config.price(modelId(model));
  }

  @Override
  protected String modelId(String model) {
    return config.model(model);
  }

  @Override
  public String defaultModel() {
    return config.model();
  }

  @Override
  public Capabilities capabilities(String model) {
    return VeoModels.of(modelId(model)).capabilities();
  }

  @Override
  public List<String> knownModels() {
    return VeoModels.KNOWN.stream().map(VeoModels::id).toList();
  }

  @Override
  protected VideoProvider provider(String model, ProviderResources resources) {
    return new GeminiVideoProvider(this, VeoModels.of(modelId(model)), api, resources, config);
  }
}
