package dev.reelmesh.orchestrator.provider.fal;

import dev.reelmesh.v1.AspectRatio;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fal video endpoints with documented defaults (fields and price from each model's fal
 * page, 2026-12; see docs/providers.md). Any other endpoint id is accepted with the generic
 * mapping once its price is configured.
 */
final class FalModels {
  static final String DEFAULT = "fal-ai/kling-video/v2.1/standard/image-to-video";
  /** owner/app[/path...]: the queue's endpoint id. */
  private static final Pattern ENDPOINT = Pattern.compile(
      "[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
  private static final Map<AspectRatio, String> HD = Map.of(
      AspectRatio.ASPECT_RATIO_16_9, "1280x720", AspectRatio.ASPECT_RATIO_9_16, "720x1280",
      AspectRatio.ASPECT_RATIO_1_1, "720x720");
  private static final Map<AspectRatio, String> FULL_HD = Map.of(
      AspectRatio.ASPECT_RATIO_16_9, "1920x1080", AspectRatio.ASPECT_RATIO_9_16, "1080x1920",
      AspectRatio.ASPECT_RATIO_1_1, "1080x1080");
  private static final Map<AspectRatio, String> WIDE_TALL = Map.of(
      AspectRatio.ASPECT_RATIO_16_9, "1280x720", AspectRatio.ASPECT_RATIO_9_16, "720x1280");
  private static final Map<String, Object> VEO_FIXED = Map.of("generate_audio", false,
      "resolution", "720p");

  static final List<FalModel> KNOWN = List.of(
      new FalModel(DEFAULT, "kling-2.1", FalModel.Duration.WHOLE_SECONDS_TEXT, List.of(5, 10),
          "image_url", "", "", HD, true, Map.of(), 56_000),
      new FalModel("fal-ai/kling-video/v2.1/pro/image-to-video", "kling-2.1-pro",
          FalModel.Duration.WHOLE_SECONDS_TEXT, List.of(5, 10), "image_url", "tail_image_url",
          "", FULL_HD, true, Map.of(), 98_000),
      new FalModel("fal-ai/kling-video/v2.5-turbo/pro/image-to-video", "kling-2.5-turbo",
          FalModel.Duration.WHOLE_SECONDS_TEXT, List.of(5, 10), "image_url", "", "", FULL_HD,
          true, Map.of(), 70_000),
      new FalModel("fal-ai/veo3.1/fast/image-to-video", "veo3.1-fast",
          FalModel.Duration.SECONDS_SUFFIX, List.of(4, 6, 8), "image_url", "", "aspect_ratio",
          WIDE_TALL, true, VEO_FIXED, 100_000),
      new FalModel("fal-ai/veo3.1/fast/first-last-frame-to-video", "veo3.1-fast-frames",
          FalModel.Duration.SECONDS_SUFFIX, List.of(4, 6, 8), "first_frame_url",
          "last_frame_url", "aspect_ratio", WIDE_TALL, false, VEO_FIXED, 100_000),
      // 81 frames at 16 fps: one 5-second length; priced per 720p video ($0.40).
      new FalModel("fal-ai/wan-i2v", "wan-2.1", FalModel.Duration.FRAMES, List.of(5),
          "image_url", "", "aspect_ratio", HD, true,
          Map.of("num_frames", 81, "frames_per_second", 16, "resolution", "720p"), 80_000));

  private FalModels() {}

  static boolean validEndpoint(String id) {
    return ENDPOINT.matcher(id).matches();
  }

  /** The profile of {@code id} (an endpoint id or a known alias); empty for other endpoints. */
  static Optional<FalModel> known(String id) {
    return KNOWN.stream().filter(m -> m.endpoint().equals(id) || m.alias().equals(id))
        .findFirst();
  }

  /**
   * Any other endpoint: {@code prompt}, {@code image_url}, {@code duration} as whole seconds
   * in text (5 or 10), {@code aspect_ratio}; priced from configuration only.
   */
  static FalModel generic(String endpoint) {
    return new FalModel(endpoint, "", FalModel.Duration.WHOLE_SECONDS_TEXT, List.of(5, 10),
        "image_url", "", "aspect_ratio", HD, false, Map.of(), 0);
  }
}
