package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Progress;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.stitch.Cut;
import dev.reelmesh.media.stitch.Segment;
import dev.reelmesh.media.stitch.StitchOutcome;
import dev.reelmesh.media.stitch.StitchSpec;
import dev.reelmesh.media.stitch.Stitcher;
import dev.reelmesh.media.stitch.TransitionStyle;
import dev.reelmesh.v1.FitPolicy;
import dev.reelmesh.v1.SegmentPreview;
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
 * Stitch: validate and probe the timeline (clips, or segments: clip files and stills with
 * motion), stitch (with the finished soundtrack when {@code audio} is set), stream progress, end
 * with the result.
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
    boolean bySegment = r.getSegmentsCount() > 0;
    Fields.require(!bySegment || r.getClipsCount() == 0, "segments",
        "give the timeline as clips or as segments, not both");
    Fields.require(!bySegment || r.getClipSecondsCount() == 0, "clip_seconds",
        "is for clips; a segment has its own duration_seconds");
    int n = bySegment ? r.getSegmentsCount() : r.getClipsCount();
    Fields.require(n > 0, "clips", "at least one clip (or segment) is required");
    Fields.require(r.getTransitionsCount() == 0 || r.getTransitionsCount() == n - 1,
        "transitions", "must be empty (all cuts) or have " + (bySegment ? "segments" : "clips")
            + ".size() - 1 = " + (n - 1) + " entries, got " + r.getTransitionsCount());
    Fields.require((r.getWidth() == 0) == (r.getHeight() == 0), "width",
        "width and height are both set or both 0");
    boolean crop = crop(r.getFit());
    ClipTrims.checkShape(r);
    List<Cut> cuts = new ArrayList<>();
    for (int i = 0; i < n - 1; i++) {
      cuts.add(r.getTransitionsCount() == 0 ? Cut.HARD : cut(i, r.getTransitions(i)));
    }
    TimelineReader.Timeline t = TimelineReader.read(kit, r, cancel);
    List<Segment> segments = t.segments();
    checkOverlaps(segments, cuts);
    Path output = kit.store().newOutput("output_path", r.getOutputPath(), "media", ".mp4");
    double planned = plannedSeconds(segments, cuts, t.fps());
    if (!r.hasAudio()) {
      StitchOutcome outcome = stitcher.stitch(new StitchSpec(segments, cuts, t.width(),
          t.height(), t.fps(), crop, r.getForceReencode(), output, null, null), cancel,
          progress(events, planned));
      return StitchEvent.newBuilder().setResult(result(outcome, cancel)).build();
    }
    // The finished soundtrack is rendered (audio only, quick) before the one encode that
    // carries both picture and sound; see StitchSoundtrack.
    int inputs = segments.stream().mapToInt(Segment::inputCount).sum();
    try (StitchSoundtrack sound = StitchSoundtrack.prepare(kit, r.getAudio(), planned,
        inputs, t.height(), cancel)) {
      StitchOutcome outcome = stitcher.stitch(new StitchSpec(segments, cuts, t.width(),
          t.height(), t.fps(), crop, true, output, sound.override(), sound.videoFilter()),
          cancel, progress(events, planned));
      StitchResult.Builder result = result(outcome, cancel);
      sound.describe(kit, outcome.log(), output, result);
      return StitchEvent.newBuilder().setResult(result).build();
    }
  }

  private static boolean crop(FitPolicy fit) {
    return switch (fit) {
      case FIT_POLICY_UNSPECIFIED, FIT_POLICY_LETTERBOX -> false;
      case FIT_POLICY_CROP -> true;
      case UNRECOGNIZED -> throw Statuses.invalid("fit", "unknown fit policy " + fit);
    };
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
    StitchResult.Builder result = StitchResult.newBuilder()
        .setVideo(kit.store().describe(outcome.video(), "video/mp4"))
        .setDurationSeconds(probed.durationSeconds())
        .setStreamCopied(outcome.streamCopied())
        .setTransitions(outcome.transitions())
        .setProbe(ProbeProtos.toProto(probed));
    outcome.previews().forEach((segment, file) -> result.addPreviews(SegmentPreview.newBuilder()
        .setSegment(segment).setVideo(kit.store().describe(file, "video/mp4"))));
    return result;
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

  /** Each overlap must fit inside both segments, and none can be eaten by two overlaps. */
  private static void checkOverlaps(List<Segment> clips, List<Cut> cuts) {
    for (int i = 0; i < cuts.size(); i++) {
      double t = cuts.get(i).seconds();
      double a = clips.get(i).seconds();
      double b = clips.get(i + 1).seconds();
      Fields.require(t < Math.min(a, b), "transitions[" + i + "].duration_seconds",
          t + " s is not shorter than the clips it joins (" + a + " s and " + b + " s)");
      double before = i == 0 ? 0 : cuts.get(i - 1).seconds();
      Fields.require(before + t < a, "transitions[" + i + "].duration_seconds",
          clips.get(i).field() + " (" + a + " s) is shorter than its two transitions (" + before + " + "
              + t + " s)");
    }
  }

  private static double plannedSeconds(List<Segment> clips, List<Cut> cuts, double fps) {
    double total = 0;
    for (Segment c : clips) {
      total += Math.round(c.seconds() * fps) / fps;
    }
    for (Cut c : cuts) {
      total -= Math.round(c.seconds() * fps) / fps;
    }
    return total;
  }
}
