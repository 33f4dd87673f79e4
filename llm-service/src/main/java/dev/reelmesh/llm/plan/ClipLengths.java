package dev.reelmesh.llm.plan;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The clip lengths a video model renders (fal's Kling: 5 and 10 s), ascending; {@link #ANY} when
 * it renders any length. Built with {@link #validated}. Lengths are whole milliseconds, so sums
 * are exact.
 */
public record ClipLengths(List<Double> seconds) {
  public static final ClipLengths ANY = new ClipLengths(List.of());
  public static final int MAX_VALUES = 16;
  /** No model renders under a second; the floor also bounds a 600 s plan to 600 clips. */
  static final double MIN_SECONDS = 1;
  static final double MAX_SECONDS = 60;

  public ClipLengths {
    seconds = List.copyOf(seconds);
  }

  public boolean any() {
    return seconds.isEmpty();
  }

  /** Checks {@code values} (any order); INVALID_ARGUMENT names the first bad entry of {@code field}. */
  public static ClipLengths validated(List<Double> values, String field) {
    if (values.size() > MAX_VALUES) {
      throw invalid(field, "must list at most " + MAX_VALUES + " lengths, got " + values.size());
    }
    List<Double> sorted = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      String f = field + "[" + i + "]";
      if (!Double.isFinite(v) || v < MIN_SECONDS || v > MAX_SECONDS) {
        throw invalid(f, "must be in [1, 60] seconds, got " + v);
      }
      if (Math.abs(v * 1000 - Math.rint(v * 1000)) > 1e-6) {
        throw invalid(f, "must be a whole number of milliseconds, got " + v);
      }
      int earlier = values.subList(0, i).indexOf(v);
      if (earlier >= 0) {
        throw invalid(f, "repeats " + field + "[" + earlier + "] (" + v + " s); list each length once");
      }
      sorted.add(v);
    }
    sorted.sort(null);
    return new ClipLengths(sorted);
  }

  static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }

  /** The shortest allowed length that covers {@code needed}, or the longest when none does. */
  public double snapUp(double needed) {
    for (double s : seconds) {
      if (s >= needed - PlanInvariants.EPSILON) {
        return s;
      }
    }
    return seconds.get(seconds.size() - 1);
  }

  boolean allows(double length) {
    return seconds.stream().anyMatch(s -> Math.abs(s - length) <= PlanInvariants.EPSILON);
  }

  /** "5, 10 s". */
  String text() {
    return String.join(", ", seconds.stream().map(ClipLengths::number).toList()) + " s";
  }

  static String number(double seconds) {
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
        : String.format(Locale.ROOT, "%.3f", seconds).replaceAll("\\.?0+$", "");
  }

  /**
   * What a plan cut to these lengths keeps (its clips already tile the duration): every clip but
   * the last is an allowed length, the last at most the longest.
   */
  void check(List<PlanClip> clips, String field) {
    for (int i = 0; i < clips.size(); i++) {
      double length = clips.get(i).durationSeconds();
      boolean last = i == clips.size() - 1;
      if (last ? length > seconds.get(seconds.size() - 1) + PlanInvariants.EPSILON : !allows(length)) {
        throw invalid(field + ".clips[" + i + "].end_seconds", "the clip lasts " + number(length)
            + " s, but the plan was cut to " + text() + " (allowed_clip_seconds)"
            + (last ? ": the last clip may be shorter, never longer than the longest" : ""));
      }
    }
  }
}
