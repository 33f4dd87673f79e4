package dev.reelmesh.llm.plan.music;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.List;

/**
 * Beat and bar times of a track (seconds, increasing) and energy per beat (0..1, or none). Built
 * with {@link #validated}; {@link #NONE} when the plan is not cut to music.
 */
public record MusicGrid(List<Double> beats, List<Double> bars, List<Float> energy) {
  public static final MusicGrid NONE = new MusicGrid(List.of(), List.of(), List.of());

  public MusicGrid {
    beats = List.copyOf(beats);
    bars = List.copyOf(bars);
    energy = List.copyOf(energy);
  }

  public boolean isEmpty() {
    return beats.isEmpty();
  }

  /** Checks every list against the plan's duration; INVALID_ARGUMENT names the first bad entry. */
  public static MusicGrid validated(List<Double> beats, List<Double> bars, List<Float> energy,
      double duration, String field) {
    increasing(beats, duration, field + ".beat_seconds");
    increasing(bars, duration, field + ".bar_seconds");
    if (!bars.isEmpty() && beats.isEmpty()) {
      throw invalid(field + ".beat_seconds", "is empty but bar_seconds is not; bars are beats too");
    }
    if (!energy.isEmpty() && energy.size() != beats.size()) {
      throw invalid(field + ".beat_energy", "must have one entry per beat (" + beats.size() + "), got " + energy.size());
    }
    for (int i = 0; i < energy.size(); i++) {
      float e = energy.get(i);
      if (!(e >= 0 && e <= 1)) {
        throw invalid(field + ".beat_energy[" + i + "]", "must be in [0, 1], got " + e);
      }
    }
    return new MusicGrid(beats, bars, energy);
  }

  private static void increasing(List<Double> times, double duration, String field) {
    double previous = -1;
    for (int i = 0; i < times.size(); i++) {
      double t = times.get(i);
      if (!Double.isFinite(t) || t < 0 || t > duration) {
        throw invalid(field + "[" + i + "]", "must be in [0, " + duration + "] s (the plan's duration), got " + t);
      }
      if (t <= previous) {
        throw invalid(field + "[" + i + "]", "must be greater than the previous time " + previous + ", got " + t);
      }
      previous = t;
    }
  }

  /** Mean energy of the beats in [from, to); -1 when the grid has no energy there. */
  public double energy(double from, double to) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < energy.size(); i++) {
      if (beats.get(i) >= from && beats.get(i) < to) {
        sum += energy.get(i);
        n++;
      }
    }
    return n == 0 ? -1 : sum / n;
  }
}
