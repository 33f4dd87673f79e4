package dev.reelmesh.orchestrator.provider.runway;

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

/** Runway's image-to-video tasks as a registered video provider, priced in credits ($0.01). */
public final class RunwayEntry implements VideoEntry {
  private final RunwayConfig config;
  private final RunwayApi api;

  public RunwayEntry(RunwayConfig config) {
    this.config = config;
    this.api = config.secret().isPresent() ? new RunwayApi(config) : null;
  }

  public static RunwayEntry fromEnv(Map<String, String> env) {
    return new RunwayEntry(RunwayConfig.fromEnv(env));
  }

  @Override
  public String name() {
    return "runway";
  }

  @Override
  public boolean paid() {
    return true;
  }

  @Override
  public String description() {
    return "Runway image-to-video (Gen-4 Turbo) from the storyboard frame, priced in credits";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.secret(RunwayConfig.SECRET_VARIABLE, "Runway API secret"),
        Setting.optional(RunwayConfig.BASE_URL_VARIABLE, "API base URL (default "
            + "https://api.dev.runwayml.com)"),
        Setting.optional(RunwayConfig.MODEL_VARIABLE, "model id (default "
            + RunwayModels.DEFAULT + ")"),
        Setting.optional(RunwayConfig.CREDITS_VARIABLE, "credits per second of video for that "
            + "model, over the documented default"));
  }

  @Override
  public Optional<String> missing(String model) {
    if (config.secret().isEmpty()) {
      return Optional.of("provider 'runway' needs " + RunwayConfig.SECRET_VARIABLE
          + " set for the orchestrator; see docs/providers.md");
    }
    String id = config.model(model);
    if (config.credits(id).isEmpty()) {
      return Optional.of("Runway model " + id + " has no documented price; set "
          + RunwayConfig.MODEL_VARIABLE + "=" + id + " and " + RunwayConfig.CREDITS_VARIABLE);
    }
    return Optional.empty();
  }

  @Override
  public String defaultModel() {
    return config.model();
  }

  @Override
  public Capabilities capabilities(String model) {
    return RunwayModels.of(config.model(model)).capabilities();
  }

  @Override
  public List<String> knownModels() {
    return RunwayModels.KNOWN.stream().map(RunwayModels::id).toList();
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height, String label) {
    String id = config.model(model);
    int perSecond = config.credits(id).orElseThrow(() -> ClipLines.unconfigured(
        missing(model).orElse("runway: no price")));
    long credits = (long) Math.ceil(perSecond * seconds - 1e-9);
    return ClipLines.clip("runway", id + " (" + label + "; " + credits + " credits)", seconds,
        credits * RunwayModels.MICROS_PER_CREDIT);
  }

  @Override
  public VideoProvider create(String model, ProviderResources resources) {
    Optional<String> missing = missing(model);
    if (missing.isPresent()) {
      throw ClipLines.unconfigured(missing.get());
    }
    return new RunwayVideoProvider(this, RunwayModels.of(config.model(model)), api, resources,
        config);
  }
}
