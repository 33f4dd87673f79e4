package dev.reelmesh.orchestrator.provider.runway;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.remote.ClipLines;
import dev.reelmesh.orchestrator.provider.remote.PaidVideoEntry;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runway's image-to-video tasks as a registered video provider, priced in credits ($0.01). */
public final class RunwayEntry extends PaidVideoEntry {
  private final RunwayConfig config;
  private final RunwayApi api;

  public RunwayEntry(RunwayConfig config) {
    super("runway", "Runway image-to-video (Gen-4 Turbo) from the storyboard frame, priced in "
        + "credits", Setting.secret(RunwayConfig.SECRET_VARIABLE, "Runway API secret"),
        config.secret().isPresent(), List.of(
            Setting.optional(RunwayConfig.BASE_URL_VARIABLE, "API base URL (default "
                + "https://api.dev.runwayml.com)"),
            Setting.optional(RunwayConfig.MODEL_VARIABLE, "model id (default "
                + RunwayModels.DEFAULT + ")"),
            Setting.optional(RunwayConfig.CREDITS_VARIABLE, "credits per second of video for "
                + "that model, over the documented default")));
    this.config = config;
    this.api = config.secret().isPresent() ? new RunwayApi(config) : null;
  }

  public static RunwayEntry fromEnv(Map<String, String> env) {
    return new RunwayEntry(RunwayConfig.fromEnv(env));
  }

  @Override
  protected Optional<String> unpriced(String model) {
    String id = modelId(model);
    return config.credits(id).isPresent() ? Optional.empty() : Optional.of("Runway model " + id
        + " has no documented price; set " + RunwayConfig.MODEL_VARIABLE + "=" + id + " and "
        + RunwayConfig.CREDITS_VARIABLE);
  }

  @Override
  protected Optional<Long> microsPerSecond(String model) {
    return config.credits(modelId(model)).map(c -> c * RunwayModels.MICROS_PER_CREDIT);
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
    return RunwayModels.of(modelId(model)).capabilities();
  }

  @Override
  public List<String> knownModels() {
    return RunwayModels.KNOWN.stream().map(RunwayModels::id).toList();
  }

  /** Whole credits, as Runway bills them: "gen4_turbo (clip 1; 25 credits)". */
  @Override
  public CostLine estimate(String model, double seconds, int width, int height, String label) {
    String id = modelId(model);
    int perSecond = config.credits(id).orElseThrow(() -> ClipLines.unconfigured(
        missing(model).orElse("runway: no price")));
    long credits = (long) Math.ceil(perSecond * seconds - 1e-9);
    return ClipLines.clip("runway", id + " (" + label + "; " + credits + " credits)", seconds,
        credits * RunwayModels.MICROS_PER_CREDIT);
  }

  @Override
  protected VideoProvider provider(String model, ProviderResources resources) {
    return new RunwayVideoProvider(this, RunwayModels.of(modelId(model)), api, resources,
        config);
  }
}
