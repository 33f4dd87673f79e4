package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Progress;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.StreamMeta;
import dev.reelmesh.media.stitch.Cut;
import dev.reelmesh.media.stitch.StitchClip;
import dev.reelmesh.media.stitch.StitchOutcome;
import dev.reelmesh.media.stitch.StitchSpec;
import dev.reelmesh.media.stitch.Stitcher;
import dev.reelmesh.media.stitch.TransitionStyle;
import dev.reelmesh.v1.FitPolicy;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchProgress;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import dev.reelmesh.v1.Transition;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stitch: validate and probe the clips, stitch (with the finished soundtrack when {@code audio}
 * is set), stream progress, end with the result.
 */
final class StitchRpc {
  private final Toolkit kit;
  private final Stitcher stitcher;

  StitchRpc(Toolkit kit) {
    this.kit = kit;
    this.stitcher = new Stitcher(kit.runner());
  }

  /** Sends progress events on {@code events} and returns the final one. */
  StitchEvent handle(StitchRequest r, Cancellation cancel, StreamObserver<StitchEvent> events) {
    Fields.require(r.getClipsCount() > 0, "clips", "at least one clip is required");
    Fields.require(r.getTransitionsCount() == 0
            || r.getTransitionsCount() == r.getClipsCount() - 1, "transitions",
        "must be empty (all cuts) or have clips.size() - 1 = " + (r.getClipsCount() - 1)
            + " entries, got " + r.getTransitionsCount());
    Fields.require((r.getWidth() == 0) == (r.getHeight() == 0), "width",
        "width and height are both set or both 0");
    ClipTrims.checkShape(r);
    List<Cut> cuts = new ArrayList<>();
    for (int i = 0; i < r.getClipsCount() - 1; i++) {
      cuts.add(r.getTransitionsCount() == 0 ? Cut.HARD : cut(i, r.getTransitions(i)));
    }
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < r.getClipsCount(); i++) {
      paths.add(kit.input("clips[" + i + "]", r.getClips(i)));
    }
    List<StitchClip> probed = ClipProbes.probe(kit, paths, cancel);
    StreamMeta first = probed.get(0).info().video().orElseThrow();
    int width = r.getWidth() == 0 ? first.width() : Fields.size("width", r.getWidth());
    int height = r.getHeight() == 0 ? first.height() : Fields.size("height", r.getHeight());
    double fps = r.getFps() == 0 ? first.fps() : Fields.fps("fps", r.getFps());
    Fields.require(fps > 0 && fps <= 120, "fps", "the first clip reports no usable frame rate ("
        + first.fps() + "); set fps");
    // From here on a clip's seconds() is its trimmed length: overlaps, the plan and the graph
    // all measure against what is used, not what the provider rendered.
    List<StitchClip> clips = ClipTrims.apply(r, probed, fps);
    checkOverlaps(clips, cuts);
    Path output = kit.store().newOutput("output_path", r.getOutputPath(), "media", ".mp4");
    double planned = plannedSeconds(clips, cuts, fps);
    boolean crop = r.getFit() == FitPolicy.FIT_POLICY_CROP;
    if (!r.hasAudio()) {
      StitchOutcome outcome = stitcher.stitch(new StitchSpec(clips, cuts, width, height, fps,
          crop, r.getForceReencode(), output, null, null), cancel, progress(events, planned));
      return StitchEvent.newBuilder().setResult(result(outcome, cancel)).build();
    }
    // The finished soundtrack is rendered (audio only, quick) before the one encode that
    // carries both picture and sound; see StitchSoundtrack.
    try (StitchSoundtrack sound = StitchSoundtrack.prepare(kit, r.getAudio(), planned,
        clips.size(), height, cancel)) {
      StitchOutcome outcome = stitcher.stitch(new StitchSpec(clips, cuts, width, height, fps,
          crop, true, output, sound.override(), sound.videoFilter()), cancel,
          progress(events, planned));
      StitchResult.Builder result = result(outcome, cancel);
      sound.describe(kit, outcome.log(), output, result);
      return StitchEvent.newBuilder().setResult(result).build();
    }
  }

  private static Consumer<Progress> progress(StreamObserver<StitchEvent> events,
      double planned) {
    return p -> events.onNext(StitchEvent.newBuilder().setProgress(StitchProgress.newBuilder()
        .setPercent(Math.min(100, planned <= 0 ? 0 : 100 * p.outTimeSeconds() / planned))
        .setOutTimeSeconds(p.outTimeSeconds())
        .setSpeed(p.speed())).build());
  }

  private StitchResult.Builder result(StitchOutcome outcome, Cancellation cancel) {
    MediaInfo probed = kit.probe("output", outcome.video(), cancel);
    return StitchResult.newBuilder()
        .setVideo(kit.store().describe(outcome.video(), "video/mp4"))
        .setDurationSeconds(probed.durationSeconds())
        .setStreamCopied(outcome.streamCopied())
        .setTransitions(outcome.transitions())
        .setProbe(ProbeProtos.toProto(probed));
  }

  private static Cut cut(int i, Transition t) {
    String field = "transitions[" + i + "]";
    TransitionStyle style = switch (t.getKind()) {
      case TRANSITION_KIND_UNSPECIFIED, TRANSITION_KIND_CUT -> TransitionStyle.CUT;
      case TRANSITION_KIND_FADE -> TransitionStyle.FADE;
      case TRANSITION_KIND_DISSOLVE -> TransitionStyle.DISSOLVE;
      case TRANSITION_KIND_WIPE_LEFT -> TransitionStyle.WIPE_LEFT;
      case TRANSITION_KIND_WIPE_RIGHT -> TransitionStyle.WIPE_RIGHT;
      case TRANSITION_KIND_SLIDE_LEFT -> TransitionStyle.SLIDE_LEFT;
      case TRANSITION_KIND_SLIDE_RIGHT -> TransitionStyle.SLIDE_RIGHT;
      case UNRECOGNIZED -> throw Statuses.invalid(field + ".kind",
          "unknown transition kind " + t.getKindValue());
    };
    if (style == TransitionStyle.CUT) {
      return Cut.HARD;
    }
    Fields.require(t.getDurationSeconds() > 0, field + ".duration_seconds",
        "must be > 0 for " + t.getKind() + ", got " + t.getDurationSeconds());
    return new Cut(style, t.getDurationSeconds());
  }

  /** Each overlap must fit inside both clips, and a clip cannot be eaten by two overlaps. */
  private static void checkOverlaps(List<StitchClip> clips, List<Cut> cuts) {
    for (int i = 0; i < cuts.size(); i++) {
      double t = cuts.get(i).seconds();
      double a = clips.get(i).seconds();
      double b = clips.get(i + 1).seconds();
      Fields.require(t < Math.min(a, b), "transitions[" + i + "].duration_seconds",
          t + " s is not shorter than the clips it joins (" + a + " s and " + b + " s)");
      double before = i == 0 ? 0 : cuts.get(i - 1).seconds();
      Fields.require(before + t < a, "transitions[" + i + "].duration_seconds",
          "clip " + i + " (" + a + " s) is shorter than its two transitions (" + before + " + "
              + t + " s)");
    }
  }

  private static double plannedSeconds(List<StitchClip> clips, List<Cut> cuts, double fps) {
    double total = 0;
    for (StitchClip c : clips) {
      total += Math.round(c.seconds() * fps) / fps;
    }
    for (Cut c : cuts) {
      total -= Math.round(c.seconds() * fps) / fps;
    }
    return total;
  }
}
