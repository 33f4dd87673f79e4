package dev.reelmesh.media.music;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Beat times by dynamic programming (Ellis 2007, "Beat tracking by dynamic programming"): each
 * frame's score is its onset strength plus the best score of a previous beat about one period
 * earlier, penalised by how far the gap strays from the period (log-ratio squared); the beats
 * are read back from the best final frame. It follows the onsets, not a rigid grid, so a beat
 * lands on the hit even when the tempo drifts a little.
 */
final class BeatTracker {
  /** How strongly gaps are held to the period (Ellis' and librosa's default). */
  private static final double TIGHTNESS = 100;

  private BeatTracker() {}

  /** Beat frames, ascending; {@code period} is in frames. */
  static List<Integer> track(double[] onset, double period) {
    double[] local = smooth(normalise(onset), period);
    int n = local.length;
    double[] score = new double[n];
    int[] back = new int[n];
    int from = (int) Math.round(period / 2);
    int to = (int) Math.round(2 * period);
    for (int t = 0; t < n; t++) {
      double best = Double.NEGATIVE_INFINITY;
      int arg = -1;
      for (int gap = from; gap <= to && t - gap >= 0; gap++) {
        double penalty = Math.log(gap / period);
        double s = score[t - gap] - TIGHTNESS * penalty * penalty;
        if (s > best) {
          best = s;
          arg = t - gap;
        }
      }
      score[t] = local[t] + (arg >= 0 ? Math.max(0, best) : 0);
      back[t] = arg >= 0 && best > 0 ? arg : -1;
    }
    // The last beat: the best score within the final period.
    int last = n - 1;
    for (int t = Math.max(0, n - (int) Math.ceil(period)); t < n; t++) {
      if (score[t] > score[last]) {
        last = t;
      }
    }
    List<Integer> beats = new ArrayList<>();
    for (int t = last; t >= 0; t = back[t]) {
      beats.add(t);
    }
    Collections.reverse(beats);
    return trimSilentEnds(beats, local);
  }

  /** Drops leading and trailing beats where there is no onset (before the music starts). */
  private static List<Integer> trimSilentEnds(List<Integer> beats, double[] local) {
    double sq = 0;
    for (int b : beats) {
      sq += local[b] * local[b];
    }
    double threshold = 0.5 * Math.sqrt(sq / Math.max(1, beats.size()));
    int a = 0;
    int z = beats.size();
    while (a < z && local[beats.get(a)] < threshold) {
      a++;
    }
    while (z > a && local[beats.get(z - 1)] < threshold) {
      z--;
    }
    return new ArrayList<>(beats.subList(a, z));
  }

  private static double[] normalise(double[] x) {
    double sq = 0;
    for (double v : x) {
      sq += v * v;
    }
    double sd = Math.sqrt(sq / Math.max(1, x.length));
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = sd == 0 ? 0 : x[i] / sd;
    }
    return out;
  }

  /** A Gaussian of width period/32 around each frame: an onset a frame or two off still counts. */
  private static double[] smooth(double[] x, double period) {
    int half = (int) Math.max(1, Math.round(period));
    double[] kernel = new double[2 * half + 1];
    for (int i = -half; i <= half; i++) {
      double z = i * 32.0 / period;
      kernel[i + half] = Math.exp(-0.5 * z * z);
    }
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      double s = 0;
      for (int i = -half; i <= half; i++) {
        int at = t + i;
        if (at >= 0 && at < x.length) {
          s += x[at] * kernel[i + half];
        }
      }
      out[t] = s;
    }
    return out;
  }
}
