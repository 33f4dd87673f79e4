package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ClipPrompt;
import io.grpc.Status;
import java.util.Locale;

/**
 * A clip asked of a provider in terms it takes: its length snapped up to one the model renders
 * (the final Stitch trims the clip to its slot), the model's size for the job's aspect, no end
 * frame or negative prompt where it takes none, the prompt cut to its limit. A clip longer than
 * the model renders, or an aspect it does not render, is refused here, before anything is paid.
 */
final class ClipFit {
  private ClipFit() {}

  static ClipRequest fit(Capabilities caps, String who, ClipRequest request) {
    double seconds = caps.snap(request.durationSeconds());
    if (seconds + 1e-6 < request.durationSeconds()) {
      throw Status.FAILED_PRECONDITION.withDescription(String.format(Locale.ROOT,
          "clip %d needs %.2f s but %s renders at most %.0f s per clip; plan shorter clips (a "
              + "shorter duration or more clips) or choose another provider",
          request.clipIndex() + 1, request.durationSeconds(), who, seconds)).asRuntimeException();
    }
    FrameSize size = request.size();
    if (!caps.aspects().isEmpty()) {
      AspectRatio aspect = aspect(size);
      String given = caps.sizes().get(aspect);
      if (given == null) {
        throw Status.FAILED_PRECONDITION.withDescription(who + " does not render "
            + AspectNames.of(aspect) + " clips; it renders " + caps.aspects().stream()
                .map(AspectNames::of).sorted().toList()).asRuntimeException();
      }
      int x = given.indexOf('x');
      size = new FrameSize(Integer.parseInt(given.substring(0, x)),
          Integer.parseInt(given.substring(x + 1)));
    }
    return new ClipRequest(request.clipIndex(), request.startFrame(),
        caps.endFrame() ? request.endFrame() : null, seconds, size, request.fps(),
        prompt(caps, request.prompt()), request.outputPath(), request.stepKey());
  }

  static AspectRatio aspect(FrameSize size) {
    return size.width() > size.height() ? AspectRatio.ASPECT_RATIO_16_9
        : size.width() < size.height() ? AspectRatio.ASPECT_RATIO_9_16
            : AspectRatio.ASPECT_RATIO_1_1;
  }

  private static ClipPrompt prompt(Capabilities caps, ClipPrompt prompt) {
    if (prompt == null) {
      return null;
    }
    ClipPrompt.Builder fitted = prompt.toBuilder();
    if (!caps.negativePrompt()) {
      fitted.clearNegativePrompt();
    }
    int max = caps.maxPromptChars();
    if (max > 0 && prompt.getPrompt().length() > max) {
      // At a word's end: the last whole word that fits, unless that drops half the prompt.
      String cut = prompt.getPrompt().substring(0, max);
      int space = prompt.getPrompt().charAt(max) == ' ' ? max : cut.lastIndexOf(' ');
      fitted.setPrompt(space > max / 2 ? cut.substring(0, space) : cut);
    }
    return fitted.build();
  }
}
