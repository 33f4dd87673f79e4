package dev.reelmesh.media.music;

/**
 * The steady tempo of an onset envelope: its autocorrelation over the lags of the allowed tempo
 * range, weighted by a log-normal prior around 120 BPM (one octave wide, as in Ellis' beat
 * tracker and librosa) so that, of a tempo and its double or half, the one people tap wins.
 * The peak lag is refined between frames by a parabola through its neighbours.
 */
final class TempoEstimator {
  private static final double PRIOR_BPM = 120;

  /** Tempo in BPM and how clearly the onsets repeat at it (0–1). */
  record Tempo(double bpm, double confidence) {}

  private TempoEstimator() {}

  static Tempo estimate(double[] onset, double framesPerSecond, double minBpm, double maxBpm) {
    int minLag = Math.max(1, (int) Math.floor(60 * framesPerSecond / maxBpm));
    int maxLag = Math.min(onset.length - 2, (int) Math.ceil(60 * framesPerSecond / minBpm));
    if (maxLag <= minLag) {
      return new Tempo(0, 0);
    }
    double[] acf = new double[maxLag + 2];
    for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
      double sum = 0;
      for (int t = lag; t < onset.length; t++) {
        sum += onset[t] * onset[t - lag];
      }
      // Unbiased: longer lags overlap less of the signal.
      acf[lag] = sum / (onset.length - lag);
    }
    int best = -1;
    double bestScore = 0;
    for (int lag = minLag; lag <= maxLag; lag++) {
      double bpm = 60 * framesPerSecond / lag;
      double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2);
      double score = acf[lag] * Math.exp(-0.5 * octaves * octaves);
      if (score > bestScore && acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1]) {
        bestScore = score;
        best = lag;
      }
    }
    if (best < 0) {
      return new Tempo(0, 0);
    }
    double a = acf[best - 1];
    double b = acf[best];
    double c = acf[best + 1];
    double shift = (a - 2 * b + c) == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c);
    double lag = best + Math.max(-0.5, Math.min(0.5, shift));
    return new Tempo(60 * framesPerSecond / lag, correlation(onset, best));
  }

  /**
   * Pearson correlation of the envelope with itself {@code lag} frames later, clipped to 0–1:
   * near 1 when every onset recurs one period on, near 0 for onsets with no steady period (and
   * for a steady tone, whose envelope is only noise).
   */
  private static double correlation(double[] x, int lag) {
    int n = x.length - lag;
    double ma = 0;
    double mb = 0;
    for (int t = 0; t < n; t++) {
      ma += x[t + lag];
      mb += x[t];
    }
    ma /= n;
    mb /= n;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int t = 0; t < n; t++) {
      double a = x[t + lag] - ma;
      double b = x[t] - mb;
      ab += a * b;
      aa += a * a;
      bb += b * b;
    }
    return aa <= 0 || bb <= 0 ? 0 : Math.max(0, Math.min(1, ab / Math.sqrt(aa * bb)));
  }
}
