package dev.reelmesh.media.music;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Onset strength per frame: spectral flux in third-octave bands — how much louder each band got
 * since the previous frame (log-compressed mean magnitude), summed over bands, rises only. Drum
 * hits, plucks and chord changes show as peaks; steady tones and slow swells do not. Bands of
 * equal width in octaves weigh a kick (two octaves of bass) like people hear it, where linear
 * frequency bins would let a faint hi-hat's thousands of hertz outvote it and put the beat on
 * the off-beat. Frames are centred on {@code t * hop} (the signal is padded by half a window),
 * so a peak's frame is the onset's time.
 */
final class OnsetEnvelope {
  static final int WINDOW = 1024;
  static final int HOP = 256;
  /** log(1 + C·|X|): compresses loudness so quiet onsets count, as people hear them. */
  private static final double COMPRESSION = 1;
  /** Lowest band edge, Hz; the bands are a third of an octave wide up to Nyquist. */
  private static final double LOWEST = 40;

  private OnsetEnvelope() {}

  /** One value per hop of {@code pcm}, ≥ 0, with the slow trend (local mean) removed. */
  static double[] of(float[] pcm, int sampleRate) {
    int[] band = bands(sampleRate);
    int bandCount = java.util.Arrays.stream(band).max().orElse(0) + 1;
    int[] binsIn = new int[bandCount];
    for (int b : band) {
      if (b >= 0) {
        binsIn[b]++;
      }
    }
    int frames = pcm.length / HOP + 1;
    double[] hann = new double[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW);
    }
    double[] flux = new double[frames];
    double[] previous = null;
    double[][] buffer = new double[2][WINDOW];
    for (int f = 0; f < frames; f++) {
      int start = f * HOP - WINDOW / 2;
      for (int i = 0; i < WINDOW; i++) {
        int at = start + i;
        buffer[0][i] = at >= 0 && at < pcm.length ? pcm[at] * hann[i] : 0;
        buffer[1][i] = 0;
      }
      FastFourierTransformer.transformInPlace(buffer, DftNormalization.STANDARD,
          TransformType.FORWARD);
      double[] spectrum = new double[bandCount];
      for (int k = 0; k < band.length; k++) {
        if (band[k] >= 0) {
          spectrum[band[k]] += Math.hypot(buffer[0][k], buffer[1][k]);
        }
      }
      for (int b = 0; b < bandCount; b++) {
        spectrum[b] = binsIn[b] == 0 ? 0 : Math.log1p(COMPRESSION * spectrum[b] / binsIn[b]);
      }
      if (previous != null) {
        double rise = 0;
        for (int k = 0; k < spectrum.length; k++) {
          rise += Math.max(0, spectrum[k] - previous[k]);
        }
        flux[f] = rise;
      }
      previous = spectrum;
    }
    return detrend(flux, 16);
  }

  /** The band of each FFT bin (-1 below the lowest edge); empty bands merge upwards. */
  private static int[] bands(int sampleRate) {
    int[] band = new int[WINDOW / 2 + 1];
    int current = -1;
    double edge = LOWEST;
    for (int k = 0; k < band.length; k++) {
      double hz = k * (double) sampleRate / WINDOW;
      if (hz < LOWEST) {
        band[k] = -1;
        continue;
      }
      if (current < 0 || hz >= edge) {
        current++;
        while (edge <= hz) {
          edge *= Math.pow(2, 1 / 3.0);
        }
      }
      band[k] = current;
    }
    return band;
  }

  /** Subtracts a moving average (± {@code half} frames) and clips at 0: peaks above the bed. */
  private static double[] detrend(double[] x, int half) {
    double[] out = new double[x.length];
    double[] prefix = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      prefix[i + 1] = prefix[i] + x[i];
    }
    for (int i = 0; i < x.length; i++) {
      int a = Math.max(0, i - half);
      int b = Math.min(x.length, i + half + 1);
      out[i] = Math.max(0, x[i] - (prefix[b] - prefix[a]) / (b - a));
    }
    return out;
  }
}
