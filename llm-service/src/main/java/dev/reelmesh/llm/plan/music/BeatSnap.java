package dev.reelmesh.llm.plan.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves the inner cuts of an even timeline onto the music: the nearest bar that keeps both
 * neighbouring clips within [min, max] seconds, else the nearest such beat, else the cut stays
 * where it was and says so ("" in {@link Cut#on}).
 */
public final class BeatSnap {
  /** A cut at {@code seconds}, on a "bar", a "beat" or "" (not snapped). */
  public record Cut(double seconds, String on) {}

  private BeatSnap() {}

  /** Cuts for {@code spans} (start/end pairs tiling the duration): one per clip start. */
  public static List<Cut> cuts(List<double[]> spans, MusicGrid grid, double min, double max) {
    List<Cut> out = new ArrayList<>();
    out.add(new Cut(0, ""));
    double duration = spans.get(spans.size() - 1)[1];
    for (int i = 1; i < spans.size(); i++) {
      double target = spans.get(i)[0];
      double previous = out.get(i - 1).seconds();
      // Room left: every later clip needs at least min seconds.
      double latest = duration - min * (spans.size() - i);
      double lo = Math.max(previous + min, duration - max * (spans.size() - i));
      double hi = Math.min(previous + max, latest);
      Cut cut = nearest(grid.bars(), target, lo, hi, "bar");
      if (cut == null || Math.abs(cut.seconds() - target) > (spans.get(i)[1] - spans.get(i)[0]) / 2) {
        Cut beat = nearest(grid.beats(), target, lo, hi, "beat");
        cut = cut == null || beat != null && Math.abs(beat.seconds() - target) < Math.abs(cut.seconds() - target) / 2
            ? beat : cut;
      }
      out.add(cut == null ? new Cut(Math.max(lo, Math.min(hi, target)), "") : cut);
    }
    return out;
  }

  private static Cut nearest(List<Double> times, double target, double lo, double hi, String on) {
    Cut best = null;
    for (double t : times) {
      if (t >= lo - 1e-9 && t <= hi + 1e-9
          && (best == null || Math.abs(t - target) < Math.abs(best.seconds() - target))) {
        best = new Cut(t, on);
      }
    }
    return best;
  }
}
