package dev.reelmesh.media;

import dev.reelmesh.media.stitch.Segment;
import dev.reelmesh.media.stitch.StitchClip;
import dev.reelmesh.v1.StitchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of each clip to use: {@code StitchRequest.clip_seconds}, or a clip segment's
 * {@code duration_seconds}. Providers that render only fixed lengths (4/8/12 s) hand back clips
 * longer than their slot; the trim keeps the start.
 */
final class ClipTrims {
  private ClipTrims() {}

  /** What can be checked before probing: the count and the sign of each entry. */
  static void checkShape(StitchRequest r) {
    Fields.require(r.getClipSecondsCount() == 0
            || r.getClipSecondsCount() == r.getClipsCount(), "clip_seconds",
        "must be empty (whole clips) or have clips.size() = " + r.getClipsCount()
            + " entries, got " + r.getClipSecondsCount());
    for (int i = 0; i < r.getClipSecondsCount(); i++) {
      checkSign("clip_seconds[" + i + "]", r.getClipSeconds(i));
    }
  }

  static void checkSign(String field, double s) {
    Fields.require(s >= 0 && Double.isFinite(s), field,
        "must be a finite number of seconds >= 0 (0 = the whole clip), got " + s);
  }

  /**
   * The segments with each clip's trim ({@code keep[i]}, 0 = whole) applied; stills pass
   * through. A trim may exceed the probed length by up to one output frame: containers round
   * lengths, and a caller that asks for "8 s" of an 8 s clip means all of it.
   */
  static List<Segment> apply(List<Segment> segments, double[] keep, List<String> fields,
      double fps) {
    double frame = 1 / fps;
    List<Segment> trimmed = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (!(segments.get(i) instanceof StitchClip clip) || keep[i] == 0) {
        trimmed.add(segments.get(i));
        continue;
      }
      Fields.require(keep[i] <= clip.probedSeconds() + frame, fields.get(i),
          keep[i] + " s is longer than " + clip.field() + " (" + clip.probedSeconds() + " s)");
      trimmed.add(clip.trimmedTo(keep[i]));
    }
    return trimmed;
  }
}
