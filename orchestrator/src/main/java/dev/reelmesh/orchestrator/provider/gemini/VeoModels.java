package dev.reelmesh.orchestrator.provider.gemini;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.v1.AspectRatio;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Veo models of the Gemini API with documented defaults (2026-12). Google retired the Veo
 * 3.1 preview ids on 2026-10-22, so ids are configuration; another id is accepted with Veo 3.1's
 * capabilities once its price is configured.
 *
 * @param microsPerSecond the price per second of video (audio included), 0 when unknown
 */
record VeoModels(String id, boolean lastFrame, long microsPerSecond) {
  static final String DEFAULT = "veo-3.1-fast-generate-001";
  static final List<VeoModels> KNOWN = List.of(
      new VeoModels("veo-3.1-generate-001", true, 400_000),
      new VeoModels(DEFAULT, true, 150_000),
      new VeoModels("veo-3.0-generate-001", false, 400_000),
      new VeoModels("veo-3.0-fast-generate-001", false, 150_000));
  private static final Map<AspectRatio, String> SIZES = Map.of(
      AspectRatio.ASPECT_RATIO_16_9, "1280x720", AspectRatio.ASPECT_RATIO_9_16, "720x1280");

  static VeoModels of(String id) {
    return known(id).orElse(new VeoModels(id, true, 0));
  }

  static Optional<VeoModels> known(String id) {
    return KNOWN.stream().filter(m -> m.id.equals(id)).findFirst();
  }

  /** 4, 6 or 8 seconds at 720p, 16:9 or 9:16; up to 3 reference images on Veo 3.1. */
  Capabilities capabilities() {
    return new Capabilities(List.of(4, 6, 8), 4, 8, SIZES, true, lastFrame,
        lastFrame ? 3 : 0, true, 1024 * 4);
  }

  /** "16:9" or "9:16" as the API's aspectRatio takes it (1:1 is not offered: 16:9). */
  static String aspect(AspectRatio aspect) {
    return aspect == AspectRatio.ASPECT_RATIO_9_16 ? "9:16" : "16:9";
  }
}
