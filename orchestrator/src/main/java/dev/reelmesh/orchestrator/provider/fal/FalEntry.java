package dev.reelmesh.orchestrator.provider.fal;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.remote.PaidVideoEntry;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.provider.webhook.WebhookSettings;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fal queue as a registered video provider: Kling, Veo, Wan, ... by endpoint id. */
public final class FalEntry extends PaidVideoEntry {
  private final FalConfig config;
  private final FalQueue queue;

  public FalEntry(FalConfig config) {
    this(config, Webhooks.off());
  }

  /** @param hooks where submits point fal's callbacks, and where verified ones wake pollers */
  public FalEntry(FalConfig config, Webhooks hooks) {
    super("fal", "fal queue: Kling, Veo, Wan and any fal video endpoint by its id (priced per "
        + "second)", Setting.secret(FalConfig.KEY_VARIABLE, "fal API key"),
        config.key().isPresent(), List.of(
            Setting.optional(FalConfig.QUEUE_URL_VARIABLE, "queue base URL (default "
                + "https://queue.fal.run)"),
            Setting.optional(FalConfig.MODEL_VARIABLE, "default endpoint id (default "
                + FalModels.DEFAULT + ")"),
            Setting.optional(FalConfig.PRICES_VARIABLE, "JSON of endpoint id to US dollars per "
                + "second of video, over the documented defaults"),
            Setting.optional(WebhookSettings.FAL_JWKS_VARIABLE, "fal's webhook keys (JWKS) "
                + "callbacks are verified with, when webhooks are on")));
    this.config = config;
    this.queue = config.key().isPresent() ? new FalQueue(config, hooks) : null;
  }

  public static FalEntry fromEnv(Map<String, String> env) {
    return fromEnv(env, Webhooks.off());
  }

  public static FalEntry fromEnv(Map<String, String> env, Webhooks hooks) {
    return new FalEntry(FalConfig.fromEnv(env), hooks);
  }

  @Override
  protected Optional<String> unpriced(String model) {
    FalModel profile = config.model(model);
    if (!FalModels.validEndpoint(profile.endpoint())) {
      return Optional.of("'" + model + "' is not a fal endpoint id (owner/app/path) or a known "
          + "alias; known: " + knownModels());
    }
    return config.microsPerSecond(profile).isPresent() ? Optional.empty()
        : Optional.of("fal endpoint " + profile.endpoint() + " has no documented price; set "
            + FalConfig.PRICES_VARIABLE + "='{\"" + profile.endpoint()
            + "\": <US dollars per second>}'");
  }

  @Override
  protected Optional<Long> microsPerSecond(String model) {
    return config.microsPerSecond(config.model(model));
  }

  @Override
  protected String modelId(String model) {
    return config.model(model).endpoint();
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
  protected VideoProvider provider(String model, ProviderResources resources) {
    return new FalVideoProvider(this, config.model(model), queue, resources, config);
  }
}
