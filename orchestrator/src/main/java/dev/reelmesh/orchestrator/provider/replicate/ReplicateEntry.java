package dev.reelmesh.orchestrator.provider.replicate;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.remote.ClipLines;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.provider.webhook.WebhookSettings;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clips from a Replicate-style prediction API, the model and its input mapping from the
 * operator's settings ({@link ReplicateConfig}); a job may name another model of the same
 * account ({@code "replicate:owner/name"}). One API client per model, shared by every job.
 */
public final class ReplicateEntry implements VideoEntry {
  private final ReplicateConfig config;
  private final Webhooks hooks;
  private final Map<String, ReplicateApi> apis = new ConcurrentHashMap<>();

  /** @param hooks where completion callbacks wake the poller (polling stays the safety net) */
  public ReplicateEntry(ReplicateConfig config, Webhooks hooks) {
    this.config = config;
    this.hooks = hooks;
  }

  public ReplicateEntry(ReplicateConfig config) {
    this(config, Webhooks.off());
  }

  public static List<ProviderEntry> fromEnv(Map<String, String> env, Webhooks hooks) {
    return List.of(new ReplicateEntry(ReplicateConfig.fromEnv(env), hooks));
  }

  @Override
  public String name() {
    return "replicate";
  }

  @Override
  public boolean paid() {
    return true;
  }

  @Override
  public String description() {
    return "Replicate predictions (create, poll, cancel) for an image-to-video model you "
        + "choose, its input mapped by a template";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.secret(ReplicateConfig.TOKEN_VARIABLE, "Replicate API token"),
        new Setting(ReplicateConfig.MODEL_VARIABLE, true, false,
            "owner/name[:version] of an image-to-video model"),
        Setting.optional(ReplicateConfig.INPUT_VARIABLE, "the model's input as a JSON template "
            + "with {prompt}, {image}, {seconds}, ... placeholders"),
        Setting.optional(ReplicateConfig.PRICE_VARIABLE, "US dollars per second of video "
            + "(default $0.25, assumed)"),
        Setting.optional(ReplicateConfig.BASE_URL_VARIABLE, "another Replicate-style API"),
        new Setting(WebhookSettings.REPLICATE_SECRET_VARIABLE, false, true, "the webhook "
            + "signing secret (whsec_...), to take completion callbacks"));
  }

  @Override
  public Optional<String> missing(String model) {
    if (!model.isEmpty() && !ReplicateConfig.wellFormed(model)) {
      return Optional.of("replicate model '" + model + "' must be 'owner/name' or "
          + "'owner/name:version'");
    }
    ReplicateConfig c = config(model);
    return c.configured() ? Optional.empty() : Optional.of(c.missing());
  }

  @Override
  public String defaultModel() {
    return config.model().orElse("");
  }

  @Override
  public Capabilities capabilities(String model) {
    // Any whole-second length the template maps ({seconds}, {frames}); frames and the negative
    // prompt only when the template passes them on.
    return new Capabilities(List.of(), 1, 60, Map.of(), config.maps("image"),
        config.maps("end_image"), 0, config.maps("negative_prompt"), 0);
  }

  private ReplicateConfig config(String model) {
    return model.isEmpty() ? config : config.withModel(model);
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height,
      String label) {
    ReplicateConfig c = config(model);
    long billed = billedSeconds(seconds);
    return ClipLines.clip("replicate", c.model().orElse("?") + " (" + label + ")"
        + (c.priceAssumed() ? "; price assumed, set " + ReplicateConfig.PRICE_VARIABLE : ""),
        billed, c.microsPerVideoSecond() * billed);
  }

  /** Whole seconds, rounded up: what is held and what {seconds} asks of the model. */
  static long billedSeconds(double seconds) {
    return (long) Math.ceil(seconds - 1e-9);
  }

  @Override
  public VideoProvider create(String model, ProviderResources resources) {
    ClipLines.requireConfigured(missing(model));
    ReplicateConfig c = config(model);
    ReplicateApi api = apis.computeIfAbsent(c.model().orElseThrow(), m -> new ReplicateApi(c));
    return new ReplicateVideoProvider(this, c, api, resources, hooks);
  }
}
