package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.ClipCheckPolicy;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LyricLine;

/**
 * The spec fields the stages add (lyrics, clip checks), checked at submit so a job is refused
 * before it starts rather than failing in its plan stage. INVALID_ARGUMENT names the field.
 */
final class StageSpecs {
  static final int MAX_LYRICS = 500;

  private StageSpecs() {}

  static void validate(JobSpec spec) {
    if (spec.getLyricsCount() > MAX_LYRICS) {
      throw Statuses.invalid("spec.lyrics", "at most " + MAX_LYRICS + " lines, got "
          + spec.getLyricsCount());
    }
    for (int i = 0; i < spec.getLyricsCount(); i++) {
      LyricLine line = spec.getLyrics(i);
      String field = "spec.lyrics[" + i + "]";
      int length = line.getText().strip().length();
      if (length == 0 || length > 500) {
        throw Statuses.invalid(field + ".text", "must be 1–500 characters, got " + length);
      }
      boolean timed = line.getStartSeconds() != 0 || line.getEndSeconds() != 0;
      if (timed && !(line.getStartSeconds() >= 0
          && line.getEndSeconds() > line.getStartSeconds())) {
        throw Statuses.invalid(field + ".end_seconds", "a timed line needs 0 <= start < end, got "
            + line.getStartSeconds() + "–" + line.getEndSeconds());
      }
    }
    if (spec.getClipChecks() == ClipCheckPolicy.UNRECOGNIZED) {
      throw Statuses.invalid("spec.clip_checks", "unknown policy " + spec.getClipChecksValue()
          + "; use RERENDER_ONCE, FLAG_ONLY or OFF");
    }
    double threshold = spec.getClipCheckThreshold();
    if (!(threshold >= 0 && threshold <= 100)) {
      throw Statuses.invalid("spec.clip_check_threshold", "must be in [0, 100] (0 = the "
          + "scoring service's default), got " + threshold);
    }
  }
}
