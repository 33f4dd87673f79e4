package dev.reelmesh.orchestrator.provider.fal;

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

/** The fal queue as a registered video provider: Kling, Veo, Wan, ... by endpoint id. */
public final class FalEntry implements VideoEntry {
  private final FalConfig config;
  private final FalQueue queue;

  public FalEntry(FalConfig config) {
    this.config = config;
    this.queue = config.key().isPresent() ? new FalQueue(config) : null;
  }

  public static FalEntry fromEnv(Map<String, String> env) {
    return new FalEntry(FalConfig.fromEnv(env));
  }

  @Override
  public String name() {
    return "fal";
  }

  @Override
  public boolean paid() {
    return true;
  }

  @Override
  public String description() {
    return "fal queue: Kling, Veo, Wan and any fal video endpoint by its id (priced per second)";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.secret(FalConfig.KEY_VARIABLE, "fal API key"),
        Setting.optional(FalConfig.QUEUE_URL_VARIABLE, "queue base URL (default "
            + "https://queue.fal.run)"),
        Setting.optional(FalConfig.MODEL_VARIABLE, "default endpoint id (default "
            + FalModels.DEFAULT + ")"),
        Setting.optional(FalConfig.PRICES_VARIABLE, "JSON of endpoint id to US dollars per "
            + "second of video, over the documented defaults"));
  }

  @Override
  public Optional<String> missing(String model) {
    if (config.key().isEmpty()) {
      return Optional.of("provider 'fal' needs " + FalConfig.KEY_VARIABLE
          + " set for the orchestrator; see docs/providers.md");
    }
    FalModel profile = config.model(model);
    if (!FalModels.validEndpoint(profile.endpoint())) {
      return Optional.of("'" + model + "' is not a fal endpoint id (owner/app/path) or a known "
          + "alias; known: " + knownModels());
    }
    if (config.microsPerSecond(profile).isEmpty()) {
      return Optional.of("fal endpoint " + profile.endpoint() + " has no documented price; set "
          + FalConfig.PRICES_VARIABLE + "='{\"" + profile.endpoint()
          + "\": <US dollars per second>}'");
    }
    return Optional.empty();
  }

  @Override
  public String defaultModel() {
    return config.defaultModel();
  }

  @Override
  public Capabilities capabilities(String model) {
    return config.model(model).capabilities();
  }

  @Override
  public List<String> knownModels() {
    return FalModels.KNOWN.stream().map(FalModel::endpoint).toList();
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height, String label) {
    FalModel profile = config.model(model);
    long perSecond = config.microsPerSecond(profile).orElseThrow(() -> ClipLines.unconfigured(
        missing(model).orElse("fal: no price")));
    return ClipLines.clip("fal", profile.endpoint() + " (" + label + ")", seconds,
        Math.round(perSecond * seconds));
  }

  @Override
  public VideoProvider create(String model, ProviderResources resources) {
    Optional<String> missing = missing(model);
    if (missing.isPresent()) {
      throw ClipLines.unconfigured(missing.get());
    }
    return new FalVideoProvider(this, config.model(model), queue, resources, config);
  }
}
