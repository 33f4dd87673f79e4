package dev.reelmesh.media;

import dev.reelmesh.media.stitch.StitchClip;
import dev.reelmesh.v1.StitchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code StitchRequest.clip_seconds}: how much of each clip to use. Providers that render only
 * fixed lengths (4/8/12 s) hand back clips longer than their slot; the trim keeps the start.
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
      double s = r.getClipSeconds(i);
      Fields.require(s >= 0 && Double.isFinite(s), "clip_seconds[" + i + "]",
          "must be a finite number of seconds >= 0 (0 = the whole clip), got " + s);
    }
  }

  /**
   * The clips with their trims applied. A trim may exceed the probed length by up to one output
   * frame: containers round lengths, and a caller that asks for "8 s" of an 8 s clip means all
   * of it.
   */
  static List<StitchClip> apply(StitchRequest r, List<StitchClip> clips, double fps) {
    if (r.getClipSecondsCount() == 0) {
      return clips;
    }
    double frame = 1 / fps;
    List<StitchClip> trimmed = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      StitchClip clip = clips.get(i);
      double keep = r.getClipSeconds(i);
      Fields.require(keep <= clip.probedSeconds() + frame, "clip_seconds[" + i + "]",
          keep + " s is longer than " + clip.field() + " (" + clip.probedSeconds() + " s)");
      trimmed.add(keep > 0 ? clip.trimmedTo(keep) : clip);
    }
    return trimmed;
  }
}
