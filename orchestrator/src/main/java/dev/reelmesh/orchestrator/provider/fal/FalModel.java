package dev.reelmesh.orchestrator.provider.fal;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.v1.AspectRatio;
import java.util.List;
import java.util.Map;

/**
 * How one fal endpoint takes a clip: each model names and types its fields its own way
 * ({@code "5"}, {@code "8s"} or a frame count; {@code image_url} or {@code first_frame_url}), so
 * the mapping lives here, one profile per endpoint.
 *
 * @param endpoint the endpoint id ("fal-ai/kling-video/v2.1/standard/image-to-video")
 * @param alias a short name a job may use instead ("kling-2.1")
 * @param duration how the clip's length is sent
 * @param imageField the start frame's field
 * @param endImageField the end frame's field, "" when the model takes none
 * @param aspectField the aspect ratio's field, "" when the output follows the frame's shape
 * @param fixed fields sent as they are (audio off, resolution)
 * @param microsPerSecond the documented price per second of video, 0 when none is known
 */
record FalModel(
    String endpoint,
    String alias,
    Duration duration,
    List<Integer> seconds,
    String imageField,
    String endImageField,
    String aspectField,
    Map<AspectRatio, String> sizes,
    boolean negativePrompt,
    Map<String, Object> fixed,
    long microsPerSecond) {

  /** How a model wants its length. */
  enum Duration {
    /** {@code "duration": "5"} */
    WHOLE_SECONDS_TEXT,
    /** {@code "duration": "8s"} */
    SECONDS_SUFFIX,
    /** {@code "num_frames": 81, "frames_per_second": 16}: the length is fixed by the frames. */
    FRAMES
  }

  Capabilities capabilities() {
    return new Capabilities(seconds, seconds.get(0), seconds.get(seconds.size() - 1), sizes,
        true, !endImageField.isEmpty(), 0, negativePrompt, 2500);
  }

  /** "16:9" as the model's aspect field takes it. */
  static String aspect(AspectRatio aspect) {
    return switch (aspect) {
      case ASPECT_RATIO_9_16 -> "9:16";
      case ASPECT_RATIO_1_1 -> "1:1";
      default -> "16:9";
    };
  }
}
