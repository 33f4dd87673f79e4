package dev.reelmesh.llm.plan.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts of clips whose lengths a video model fixes, put on the music as well as lengths allow:
 * the lengths cannot move, but their order can, so at each cut the next clip is the one whose end
 * lands on a bar, else a beat, else nearest a beat. A cut within a frame of a bar or beat says so.
 */
public final class FixedCuts {
  /** A cut this close to a bar or beat is on it: one frame at 24 fps. */
  static final double FRAME = 1.0 / 24;

  private FixedCuts() {}

  /**
   * One cut per clip start for clips of {@code lengths} (seconds), reordered; with
   * {@code keepLast} the last length stays last (a trimmed clip ends the video).
   */
  public static List<BeatSnap.Cut> cuts(List<Double> lengths, boolean keepLast, MusicGrid grid) {
    List<Double> left = new ArrayList<>(keepLast ? lengths.subList(0, lengths.size() - 1) : lengths);
    List<Double> order = new ArrayList<>();
    long at = 0; // milliseconds: the cuts are sums of whole-millisecond lengths
    while (!left.isEmpty()) {
      Double best = null;
      double bestScore = Double.MAX_VALUE;
      for (Double length : left) {
        double end = (at + Math.round(length * 1000)) / 1000.0;
        double score = rank(end, grid) * 1000 + distance(grid.beats(), end);
        if (score < bestScore) {
          best = length;
          bestScore = score;
        }
      }
      left.remove(best);
      order.add(best);
      at += Math.round(best * 1000);
    }
    if (keepLast) {
      order.add(lengths.get(lengths.size() - 1));
    }
    List<BeatSnap.Cut> cuts = new ArrayList<>();
    at = 0;
    for (double length : order) {
      double t = at / 1000.0;
      cuts.add(new BeatSnap.Cut(t, at == 0 ? "" : new String[] {"bar", "beat", ""}[rank(t, grid)]));
      at += Math.round(length * 1000);
    }
    return cuts;
  }

  /** 0 on a bar, 1 on a beat, 2 on neither. */
  private static int rank(double t, MusicGrid grid) {
    return distance(grid.bars(), t) <= FRAME ? 0 : distance(grid.beats(), t) <= FRAME ? 1 : 2;
  }

  private static double distance(List<Double> times, double t) {
    double best = Double.MAX_VALUE;
    for (double x : times) {
      best = Math.min(best, Math.abs(x - t));
    }
    return best;
  }
}
