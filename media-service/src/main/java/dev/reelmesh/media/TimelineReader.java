package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.motion.MotionKind;
import dev.reelmesh.media.probe.StreamMeta;
import dev.reelmesh.media.stitch.Segment;
import dev.reelmesh.media.stitch.StillShot;
import dev.reelmesh.media.stitch.StitchClip;
import dev.reelmesh.v1.StillMotion;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Stitch request's timeline — {@code clips} or {@code segments} — validated, probed (side by
 * side) and trimmed, with the output frame its zero fields default to.
 */
final class TimelineReader {
  /** The segments and the output frame. */
  record Timeline(List<Segment> segments, int width, int height, double fps) {}

  private TimelineReader() {}

  static Timeline read(Toolkit kit, StitchRequest r, Cancellation cancel) {
    int n = r.getSegmentsCount() > 0 ? r.getSegmentsCount() : r.getClipsCount();
    List<Supplier<Segment>> probes = new ArrayList<>();
    List<String> trimFields = new ArrayList<>();
    double[] keep = new double[n];
    for (int i = 0; i < n; i++) {
      if (r.getSegmentsCount() == 0) {
        String field = "clips[" + i + "]";
        probes.add(clip(kit, field, kit.input(field, r.getClips(i)), cancel));
        keep[i] = r.getClipSecondsCount() == 0 ? 0 : r.getClipSeconds(i);
        trimFields.add("clip_seconds[" + i + "]");
      } else {
        probes.add(segment(kit, "segments[" + i + "]", r.getSegments(i), cancel));
        keep[i] = r.getSegments(i).hasClip() ? r.getSegments(i).getDurationSeconds() : 0;
        trimFields.add("segments[" + i + "].duration_seconds");
      }
    }
    List<Segment> probed = ClipProbes.all(probes);
    StreamMeta first = probed.stream().filter(s -> s instanceof StitchClip)
        .map(s -> ((StitchClip) s).info().video().orElseThrow()).findFirst().orElse(null);
    int width = r.getWidth() != 0 ? Fields.size("width", r.getWidth())
        : first == null ? 1280 : first.width();
    int height = r.getHeight() != 0 ? Fields.size("height", r.getHeight())
        : first == null ? 720 : first.height();
    double fps = r.getFps() != 0 ? Fields.fps("fps", r.getFps()) : first == null ? 24
        : first.fps();
    Fields.require(fps > 0 && fps <= 120, "fps", "the first clip reports no usable frame rate ("
        + fps + "); set fps");
    for (Segment s : probed) {
      if (s instanceof StillShot still) {
        Fields.require(Math.round(still.seconds() * fps) >= 1, still.field()
            + ".duration_seconds", "is shorter than one frame at " + fps + " fps");
      }
    }
    // From here on a clip's seconds() is its trimmed length: overlaps, the plan and the graph
    // all measure against what is used, not what the provider rendered.
    return new Timeline(ClipTrims.apply(probed, keep, trimFields, fps), width, height, fps);
  }

  private static Supplier<Segment> clip(Toolkit kit, String field, Path path,
      Cancellation cancel) {
    return () -> new StitchClip(field, path, kit.video(field, path, cancel));
  }

  /** Checks what needs no probing now; the returned probe reads the files. */
  private static Supplier<Segment> segment(Toolkit kit, String field, StitchSegment s,
      Cancellation cancel) {
    switch (s.getSourceCase()) {
      case CLIP -> {
        ClipTrims.checkSign(field + ".duration_seconds", s.getDurationSeconds());
        Fields.require(s.getPreviewPath().isEmpty(), field + ".preview_path",
            "previews are for stills; a clip file is its own preview");
        return clip(kit, field + ".clip", kit.input(field + ".clip", s.getClip()), cancel);
      }
      case STILL -> {
        return still(kit, field, s, cancel);
      }
      default -> throw dev.reelmesh.common.error.Statuses.invalid(field,
          "needs a source: clip (a video file) or still (a still with motion)");
    }
  }

  private static Supplier<Segment> still(Toolkit kit, String field, StitchSegment s,
      Cancellation cancel) {
    StillMotion m = s.getStill();
    String sf = field + ".still";
    double seconds = Fields.seconds(field + ".duration_seconds", s.getDurationSeconds(), 0, 60,
        true);
    boolean hasEnd = m.hasEndFrame() && !m.getEndFrame().getUri().isEmpty();
    MotionKind motion = MotionProtos.kind(sf + ".motion", m.getMotion(), hasEnd);
    Fields.require(!motion.needsEndFrame() || hasEnd, sf + ".end_frame",
        "is required for MOTION_BLEND");
    Fields.require(motion.needsEndFrame() || !hasEnd, sf + ".end_frame",
        "is used only by MOTION_BLEND (the start→end blend); leave it empty for " + motion);
    Path start = kit.input(sf + ".start_frame", m.getStartFrame());
    Path end = hasEnd ? kit.input(sf + ".end_frame", m.getEndFrame()) : null;
    Path preview = s.getPreviewPath().isEmpty() ? null
        : kit.store().newOutput(field + ".preview_path", s.getPreviewPath(), "media", ".mp4");
    return () -> {
      kit.image(sf + ".start_frame", start, cancel);
      if (end != null) {
        kit.image(sf + ".end_frame", end, cancel);
      }
      return new StillShot(field, start, end, motion, seconds, preview);
    };
  }
}
