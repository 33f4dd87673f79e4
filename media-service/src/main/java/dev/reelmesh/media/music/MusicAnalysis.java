package dev.reelmesh.media.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Tempo, beats, bars and energy per beat of mono PCM: {@link OnsetEnvelope} →
 * {@link TempoEstimator} → {@link BeatTracker}; bars start on the beat phase with the strongest
 * onsets (the accented downbeat), energy is each beat's RMS relative to the loudest beat's.
 */
public final class MusicAnalysis {
  /** The sample rate the analysis expects (what the decoder is asked for). */
  public static final int SAMPLE_RATE = 22050;

  /** Everything in seconds, except the tempo (BPM) and the 0–1 energies and confidence. */
  public record Result(double bpm, double confidence, List<Double> beats, List<Double> bars,
      List<Double> energy) {}

  private MusicAnalysis() {}

  public static Result analyse(float[] pcm, double minBpm, double maxBpm, int beatsPerBar) {
    double fps = (double) SAMPLE_RATE / OnsetEnvelope.HOP;
    double[] onset = OnsetEnvelope.of(pcm, SAMPLE_RATE);
    TempoEstimator.Tempo tempo = TempoEstimator.estimate(onset, fps, minBpm, maxBpm);
    if (tempo.bpm() <= 0) {
      return new Result(0, 0, List.of(), List.of(), List.of());
    }
    List<Integer> frames = BeatTracker.track(onset, 60 * fps / tempo.bpm());
    List<Double> beats = new ArrayList<>();
    for (int f : frames) {
      beats.add(f / fps);
    }
    int phase = downbeatPhase(frames, onset, beatsPerBar);
    List<Double> bars = new ArrayList<>();
    for (int i = phase; i < beats.size(); i += beatsPerBar) {
      bars.add(beats.get(i));
    }
    return new Result(tempo.bpm(), tempo.confidence(), beats, bars,
        energy(pcm, beats, 60 / tempo.bpm()));
  }

  /** The phase (0 … beatsPerBar-1) whose beats carry the most onset strength. */
  private static int downbeatPhase(List<Integer> frames, double[] onset, int beatsPerBar) {
    double[] sum = new double[beatsPerBar];
    int[] count = new int[beatsPerBar];
    for (int i = 0; i < frames.size(); i++) {
      // The strongest onset within a frame of the beat: the tracker may sit one frame off.
      int f = frames.get(i);
      double peak = 0;
      for (int d = -2; d <= 2; d++) {
        if (f + d >= 0 && f + d < onset.length) {
          peak = Math.max(peak, onset[f + d]);
        }
      }
      sum[i % beatsPerBar] += peak;
      count[i % beatsPerBar]++;
    }
    int best = 0;
    for (int p = 1; p < beatsPerBar; p++) {
      if (count[p] > 0 && sum[p] / count[p] > sum[best] / Math.max(1, count[best])) {
        best = p;
      }
    }
    return best;
  }

  /** RMS from each beat to the next (the last: one period), over the loudest beat's. */
  private static List<Double> energy(float[] pcm, List<Double> beats, double period) {
    List<Double> rms = new ArrayList<>();
    double loudest = 0;
    for (int i = 0; i < beats.size(); i++) {
      int a = (int) Math.round(beats.get(i) * SAMPLE_RATE);
      double end = i + 1 < beats.size() ? beats.get(i + 1) : beats.get(i) + period;
      int b = (int) Math.min(pcm.length, Math.round(end * SAMPLE_RATE));
      double sq = 0;
      for (int s = a; s < b; s++) {
        sq += pcm[s] * pcm[s];
      }
      double r = b > a ? Math.sqrt(sq / (b - a)) : 0;
      rms.add(r);
      loudest = Math.max(loudest, r);
    }
    List<Double> out = new ArrayList<>();
    for (double r : rms) {
      out.add(loudest == 0 ? 0 : r / loudest);
    }
    return out;
  }
}
