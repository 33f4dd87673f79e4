package dev.reelmesh.orchestrator.provider.gemini;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.remote.ClipLines;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Google's Gemini API video generation (Veo) as a registered video provider. */
public final class GeminiEntry implements VideoEntry {
  private final GeminiConfig config;
  private final GeminiApi api;

  public GeminiEntry(GeminiConfig config) {
    this.config = config;
    this.api = config.key().isPresent() ? new GeminiApi(config) : null;
  }

  public static GeminiEntry fromEnv(Map<String, String> env) {
    return new GeminiEntry(GeminiConfig.fromEnv(env));
  }

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  public boolean paid() {
    return true;
  }

  @Override
  public String description() {
    return "Gemini API video generation: Veo 3.1 (first and last frame), priced per second";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.secret(GeminiConfig.KEY_VARIABLE, "Gemini API key"),
        Setting.optional(GeminiConfig.BASE_URL_VARIABLE, "API base URL (default "
            + "https://generativelanguage.googleapis.com)"),
        Setting.optional(GeminiConfig.MODEL_VARIABLE, "Veo model id (default "
            + VeoModels.DEFAULT + "; preview ids were retired 2026-10-22)"),
        Setting.optional(GeminiConfig.PRICE_VARIABLE, "US dollars per second of video for that "
            + "model, over the documented default"));
  }

  @Override
  public Optional<String> missing(String model) {
    if (config.key().isEmpty()) {
      return Optional.of("provider 'gemini' needs " + GeminiConfig.KEY_VARIABLE
          + " set for the orchestrator; see docs/providers.md");
    }
    String id = config.model(model);
    if (config.price(id).isEmpty()) {
      return Optional.of("Veo model " + id + " has no documented price; set "
          + GeminiConfig.MODEL_VARIABLE + "=" + id + " and " + GeminiConfig.PRICE_VARIABLE);
    }
    return Optional.empty();
  }

  @Override
  public String defaultModel() {
    return config.model();
  }

  @Override
  public Capabilities capabilities(String model) {
    return VeoModels.of(config.model(model)).capabilities();
  }

  @Override
  public List<String> knownModels() {
    return VeoModels.KNOWN.stream().map(VeoModels::id).toList();
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height, String label) {
    String id = config.model(model);
    long perSecond = config.price(id).orElseThrow(() -> ClipLines.unconfigured(
        missing(model).orElse("gemini: no price")));
    return ClipLines.clip("gemini", id + " (" + label + ")", seconds,
        Math.round(perSecond * seconds));
  }

  @Override
  public VideoProvider create(String model, ProviderResources resources) {
    Optional<String> missing = missing(model);
    if (missing.isPresent()) {
      throw ClipLines.unconfigured(missing.get());
    }
    return new GeminiVideoProvider(this, VeoModels.of(config.model(model)), api, resources,
        config);
  }
}
