package dev.reelmesh.llm.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a target duration into clip spans that tile it exactly. Clips are 2–12 s; Sora-style
 * providers render 4-second shots best, so 4 s is the default length.
 */
public final class Timeline {
  public static final double MIN_CLIP_SECONDS = 2;
  public static final double MAX_CLIP_SECONDS = 12;
  static final double DEFAULT_CLIP_SECONDS = 4;

  private Timeline() {}

  /** Start/end pairs; the last end equals {@code duration} exactly (no float drift). */
  public static List<double[]> spans(double duration, double preferredClipSeconds) {
    double preferred = preferredClipSeconds > 0 ? preferredClipSeconds : DEFAULT_CLIP_SECONDS;
    int count = Math.max(1, (int) Math.round(duration / preferred));
    // Keep every clip inside [2, 12] s whenever the duration allows it.
    while (count > 1 && duration / count < MIN_CLIP_SECONDS) {
      count--;
    }
    while (duration / count > MAX_CLIP_SECONDS) {
      count++;
    }
    List<double[]> spans = new ArrayList<>(count);
    double start = 0;
    for (int i = 0; i < count; i++) {
      double end = i == count - 1 ? duration : round3(duration * (i + 1) / count);
      spans.add(new double[] {start, end});
      start = end;
    }
    return spans;
  }

  /** Start/end pairs of clips of {@code lengths} in order; the last end is {@code duration}. */
  public static List<double[]> spans(List<Double> lengths, double duration) {
    List<double[]> spans = new ArrayList<>(lengths.size());
    long at = 0; // milliseconds, so a long plan does not drift
    for (int i = 0; i < lengths.size(); i++) {
      long end = at + ClipLengths.millis(lengths.get(i));
      spans.add(new double[] {at / 1000.0, i == lengths.size() - 1 ? duration : end / 1000.0});
      at = end;
    }
    return spans;
  }

  static double round3(double seconds) {
    return Math.round(seconds * 1000.0) / 1000.0;
  }
}
