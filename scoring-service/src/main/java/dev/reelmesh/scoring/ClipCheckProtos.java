package dev.reelmesh.scoring;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.scoring.clipcheck.ClipCheck;
import dev.reelmesh.scoring.clipcheck.ClipCheckRequest;
import dev.reelmesh.scoring.clipcheck.ClipChecker;
import dev.reelmesh.scoring.image.ImageResolver;
import dev.reelmesh.v1.CheckClipRequest;
import dev.reelmesh.v1.CheckClipResponse;
import dev.reelmesh.v1.ClipFrame;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.FrameCheck;
import dev.reelmesh.v1.FramePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CheckClip's wire form to records and back; every bad field is INVALID_ARGUMENT naming it. */
final class ClipCheckProtos {
  static final int MAX_FRAMES = 8;

  private ClipCheckProtos() {}

  static ClipCheckRequest fromProto(CheckClipRequest r, ImageResolver images) {
    if (r.getFramesCount() == 0 || r.getFramesCount() > MAX_FRAMES) {
      throw Statuses.invalid("frames", r.getFramesCount() + " frames given; send 1 to "
          + MAX_FRAMES + " (start, middle, end)");
    }
    if (r.getPrompt().isBlank() && !r.hasStoryboardFrame()) {
      throw Statuses.invalid("prompt", "empty and no storyboard_frame: give at least one to"
          + " check the clip against");
    }
    double threshold = r.getThreshold();
    if (!Double.isFinite(threshold) || threshold < 0 || threshold > 100) {
      throw Statuses.invalid("threshold", "must be in [0, 100] (0 = default "
          + ClipChecker.DEFAULT_THRESHOLD + "), got " + threshold);
    }
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < r.getFramesCount(); i++) {
      ClipFrame f = r.getFrames(i);
      if (f.getPosition() == FramePosition.UNRECOGNIZED) {
        throw Statuses.invalid("frames[" + i + "].position", "unknown value "
            + f.getPositionValue() + "; known: START, MIDDLE, END (or unset)");
      }
      if (!f.hasImage()) {
        throw Statuses.invalid("frames[" + i + "].image", "no image given");
      }
      positions.add(f.getPosition() == FramePosition.FRAME_POSITION_UNSPECIFIED ? "frame"
          : f.getPosition().name().replace("FRAME_POSITION_", "").toLowerCase(Locale.ROOT));
    }
    List<ClipCheckRequest.Frame> frames = new ArrayList<>();
    for (int i = 0; i < r.getFramesCount(); i++) {
      frames.add(new ClipCheckRequest.Frame(
          images.resolve("frames[" + i + "].image", r.getFrames(i).getImage()), positions.get(i)));
    }
    return new ClipCheckRequest(frames, r.getPrompt(), r.hasStoryboardFrame()
        ? images.resolve("storyboard_frame", r.getStoryboardFrame()) : null,
        threshold == 0 ? ClipChecker.DEFAULT_THRESHOLD : threshold);
  }

  static CheckClipResponse toProto(ClipCheck c, CheckClipRequest request) {
    CheckClipResponse.Builder b = CheckClipResponse.newBuilder()
        .setVerdict(c.flagged() ? ClipVerdict.CLIP_VERDICT_FLAGGED : ClipVerdict.CLIP_VERDICT_PASS)
        .setScore(c.score()).setThreshold(c.threshold()).addAllReasons(c.reasons())
        .addAllWarnings(c.warnings()).setBuiltinFallback(c.builtinFallback());
    for (ClipCheck.FrameResult f : c.frames()) {
      b.addFrames(FrameCheck.newBuilder().setFrameIndex(f.index())
          .setPosition(request.getFrames(f.index()).getPosition())
          .setPromptMatch(f.promptMatch()).setPromptScorer(f.promptScorer())
          .setStoryboardSimilarity(f.storyboardSimilarity())
          .setSimilarityMethod(f.similarityMethod()).setMatch(f.match())
          .setBelowThreshold(f.below()));
    }
    return b.build();
  }
}
