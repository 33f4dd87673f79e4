package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.ClipLines;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clips through the OpenAI {@code /v1/videos} request shape (Sora-2 protocol) on an
 * OpenAI-compatible gateway: OpenAI's own Videos API is shut down, so this entry needs the
 * gateway's base URL (see {@link VideoGateway}). The name stays "openai" so jobs and scripts
 * that chose it keep working once they point at a gateway.
 */
final class OpenAiVideoEntry implements VideoEntry {
  private final OpenAiConfig config;
  private final VideoGateway gateway;
  /** One client for every job (its connection pool is the point); null while unconfigured. */
  private final SoraApi api;

  OpenAiVideoEntry(OpenAiConfig config, VideoGateway gateway) {
    this.config = config;
    this.gateway = gateway;
    this.api = gateway.missing().isEmpty() ? new SoraApi(gateway, timings(config)) : null;
  }

  /** The OpenAI settings' patience (attempts, backoff, polls) for the gateway's calls too. */
  static CallTimings timings(OpenAiConfig c) {
    return new CallTimings(c.timeout(), c.maxAttempts(), c.backoffBase(), c.backoffMax(),
        c.pollInitial(), c.pollMax(), c.pollTimeout());
  }

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public boolean paid() {
    return true;
  }

  @Override
  public String description() {
    return "OpenAI-compatible /v1/videos gateway (Sora-2 protocol: create, poll, download, "
        + "delete on cancel); "
        + "OpenAI's own Videos API shut down on 2026-09-24";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(VideoGateway.BASE_URL_VARIABLE, true, false,
            "the gateway's base URL (OPENAI_BASE_URL is used when it is not OpenAI's)"),
        new Setting(VideoGateway.KEY_VARIABLE, false, true,
            "the gateway's key (default " + OpenAiConfig.KEY_VARIABLE + ")"),
        Setting.secret(OpenAiConfig.KEY_VARIABLE, "the key, unless "
            + VideoGateway.KEY_VARIABLE + " is set"),
        Setting.optional("REELMESH_OPENAI_VIDEO_MODEL", "the gateway's model (default sora-2)"),
        Setting.optional(VideoGateway.PRICE_VARIABLE, "US dollars per second of video "
            + "(default: the Sora price table)"),
        Setting.optional(VideoGateway.SECONDS_VARIABLE, "clip lengths the model renders "
            + "(default 4,8,12)"));
  }

  @Override
  public Optional<String> missing(String model) {
    return gateway.missing();
  }

  @Override
  public String defaultModel() {
    return config.videoModel();
  }

  @Override
  public Capabilities capabilities(String model) {
    // Sora's 720p sizes, which every Sora-protocol model accepts; the start frame goes as
    // input_reference; no end frame, no negative prompt.
    return new Capabilities(gateway.seconds(), gateway.seconds().get(0),
        gateway.seconds().get(gateway.seconds().size() - 1),
        Map.of(AspectRatio.ASPECT_RATIO_16_9, "1280x720", AspectRatio.ASPECT_RATIO_9_16,
            "720x1280"), true, false, 0, false, 0);
  }

  String model(String model) {
    return model.isEmpty() ? config.videoModel() : model;
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height,
      String label) {
    String size = Sizes.video(new FrameSize(width, height));
    long billed = (long) Math.ceil(seconds - 1e-9);
    long price = gateway.microsPerSecond().orElse(PriceTable.videoSecondMicros(model(model),
        size));
    return ClipLines.clip(name(), model(model) + " " + size + " (" + label + ")"
        + (gateway.microsPerSecond().isEmpty() && !PriceTable.knownVideo(model(model))
            ? "; price assumed, set " + VideoGateway.PRICE_VARIABLE : ""), billed, price * billed);
  }

  @Override
  public VideoProvider create(String model, ProviderResources resources) {
    ClipLines.requireConfigured(missing(model));
    return new SoraVideoProvider(this, model(model), api, resources, timings(config));
  }
}
