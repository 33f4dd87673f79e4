package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.AspectRatio;

/** What every remote video provider sends for a clip, read the same way from the request. */
public final class RemoteClip {
  /** Providers refuse an empty prompt; a frame with no prompt still deserves gentle motion. */
  static final String MOTION_ONLY = "gentle cinematic motion continuing this frame";

  private RemoteClip() {}

  public static String prompt(ClipRequest request) {
    return request.prompt() == null || request.prompt().getPrompt().isBlank() ? MOTION_ONLY
        : request.prompt().getPrompt();
  }

  public static String negative(ClipRequest request) {
    return request.prompt() == null ? "" : request.prompt().getNegativePrompt();
  }

  /** The job's aspect ratio, from its frame size. */
  public static AspectRatio aspect(FrameSize size) {
    return size.width() > size.height() ? AspectRatio.ASPECT_RATIO_16_9
        : size.width() < size.height() ? AspectRatio.ASPECT_RATIO_9_16
        : AspectRatio.ASPECT_RATIO_1_1;
  }
}
