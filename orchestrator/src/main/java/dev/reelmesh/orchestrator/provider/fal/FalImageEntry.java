package dev.reelmesh.orchestrator.provider.fal;

import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ImageEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.remote.ClipLines;
import dev.reelmesh.orchestrator.provider.remote.EnvValues;
import dev.reelmesh.orchestrator.provider.remote.PaidVideoEntry;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * fal image endpoints (FLUX) as the storyboard's image provider: the same key and queue as fal
 * video. Priced per megapixel, each image's megapixels rounded up (never counting less than fal
 * may bill).
 */
public final class FalImageEntry implements ImageEntry {
  public static final String MODEL_VARIABLE = "REELMESH_FAL_IMAGE_MODEL";
  public static final String PRICE_VARIABLE = "REELMESH_FAL_IMAGE_USD_PER_MEGAPIXEL";
  static final String DEFAULT = "fal-ai/flux/dev";
  /** Documented prices per megapixel (2026-12). */
  static final Map<String, Long> KNOWN = Map.of(DEFAULT, 25_000L, "fal-ai/flux/schnell", 3_000L);
  private final FalConfig config;
  private final String model;
  private final Optional<Long> microsPerMegapixel;
  private final FalQueue queue;

  public FalImageEntry(FalConfig config, String model, Optional<Long> microsPerMegapixel,
      Webhooks hooks) {
    this.config = config;
    this.model = model;
    this.microsPerMegapixel = microsPerMegapixel;
    this.queue = config.key().isPresent() ? new FalQueue(config, hooks) : null;
  }

  public static FalImageEntry fromEnv(Map<String, String> env) {
    return fromEnv(env, Webhooks.off());
  }

  public static FalImageEntry fromEnv(Map<String, String> env, Webhooks hooks) {
    return of(FalConfig.fromEnv(env), env, hooks);
  }

  /** With {@code config}'s key and queue (tests give fast timings), the image settings of env. */
  public static FalImageEntry of(FalConfig config, Map<String, String> env) {
    return of(config, env, Webhooks.off());
  }

  /** As above, with fal's callbacks pointed at {@code hooks}' receiver. */
  public static FalImageEntry of(FalConfig config, Map<String, String> env, Webhooks hooks) {
    String model = EnvValues.nonBlank(env, MODEL_VARIABLE).orElse(DEFAULT);
    if (!FalModels.validEndpoint(model)) {
      throw new IllegalArgumentException(MODEL_VARIABLE + " must be a fal endpoint id such as "
          + DEFAULT + ", got '" + model + "'");
    }
    return new FalImageEntry(config, model, EnvValues.nonBlank(env, PRICE_VARIABLE)
        .map(usd -> EnvValues.usdMicros(PRICE_VARIABLE, usd, 10)), hooks);
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
    return "fal image endpoints (FLUX) for the storyboard frames, priced per megapixel";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.secret(FalConfig.KEY_VARIABLE, "fal API key"),
        Setting.optional(MODEL_VARIABLE, "image endpoint id (default " + DEFAULT + ")"),
        Setting.optional(PRICE_VARIABLE, "US dollars per megapixel for that endpoint"));
  }

  @Override
  public Optional<String> missing(String requested) {
    if (config.key().isEmpty()) {
      return Optional.of(PaidVideoEntry.keyMissing("fal", FalConfig.KEY_VARIABLE));
    }
    String id = model(requested);
    return price(id).isPresent() ? Optional.empty() : Optional.of("fal image endpoint " + id
        + " has no documented price; set " + MODEL_VARIABLE + "=" + id + " and "
        + PRICE_VARIABLE);
  }

  @Override
  public String defaultModel() {
    return model;
  }

  /** Text to image at the frame's size; no reference images (frames chain by prompt only). */
  @Override
  public Capabilities capabilities(String requested) {
    return new Capabilities(List.of(), 0, 0, Map.of(), false, false, 0, false, 0);
  }

  @Override
  public List<String> knownModels() {
    return KNOWN.keySet().stream().sorted().toList();
  }

  @Override
  public CostLine estimate(String requested, int count, int width, int height, String label) {
    String id = model(requested);
    long perMegapixel = price(id).orElseThrow(() -> ClipLines.unconfigured(
        missing(requested).orElse("fal: no image price")));
    long megapixels = Math.max(1, (long) Math.ceil(width * (long) height / 1e6));
    return CostLine.newBuilder().setStage("storyboard").setProvider("fal")
        .setItem(id + " " + width + "x" + height + " (" + label + ")").setQuantity(count)
        .setUnit("images").setEstimatedMicros(perMegapixel * megapixels * count).build();
  }

  @Override
  public ImageProvider create(String requested, ProviderResources resources) {
    Optional<String> missing = missing(requested);
    if (missing.isPresent()) {
      throw ClipLines.unconfigured(missing.get());
    }
    return new FalImageProvider(this, model(requested), queue, resources, config);
  }

  private String model(String requested) {
    return requested == null || requested.isBlank() ? model : requested;
  }

  private Optional<Long> price(String id) {
    if (id.equals(model) && microsPerMegapixel.isPresent()) {
      return microsPerMegapixel;
    }
    return Optional.ofNullable(KNOWN.get(id));
  }
}
