package dev.reelmesh.scoring.builtin;

import dev.reelmesh.scoring.image.RgbImage;

/** The four measurements behind the built-in score, each also mapped to 0–100. */
public record TechnicalMetrics(
    double laplacianVariance, double clippedShare, double lumaStdDev, double colourfulness) {
  /** Laplacian variance at which sharpness reaches ~63 (1 - 1/e); typical sharp frames exceed it. */
  static final double SHARPNESS_SCALE = 300;

  public double sharpnessScore() {
    return 100 * (1 - Math.exp(-laplacianVariance / SHARPNESS_SCALE));
  }

  /** Clipping a quarter of the frame or more scores 0. */
  public double exposureScore() {
    return 100 * Math.max(0, 1 - 4 * clippedShare);
  }

  /** A luma standard deviation of 64 (a well-spread histogram) or more scores 100. */
  public double contrastScore() {
    return 100 * Math.min(1, lumaStdDev / 64);
  }

  /** Hasler–Süsstrunk M ≥ 100 ("extremely colourful") scores 100. */
  public double colourfulnessScore() {
    return 100 * Math.min(1, colourfulness / 100);
  }

  public static TechnicalMetrics measure(RgbImage image) {
    int w = image.width();
    int h = image.height();
    double[] luma = new double[w * h];
    // Sums of values shifted by the first pixel's, so flat images give exactly zero variance.
    Channels first = Channels.at(image, 0, 0);
    double sumRg = 0, sumYb = 0, sumRg2 = 0, sumYb2 = 0, sumL = 0, sumL2 = 0;
    int clipped = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        Channels c = Channels.at(image, x, y);
        luma[y * w + x] = c.luma;
        if (c.luma <= 5 || c.luma >= 250) {
          clipped++;
        }
        double l = c.luma - first.luma, rg = c.rg - first.rg, yb = c.yb - first.yb;
        sumL += l;
        sumL2 += l * l;
        sumRg += rg;
        sumYb += yb;
        sumRg2 += rg * rg;
        sumYb2 += yb * yb;
      }
    }
    double n = (double) w * h;
    double varRg = Math.max(0, sumRg2 / n - (sumRg / n) * (sumRg / n));
    double varYb = Math.max(0, sumYb2 / n - (sumYb / n) * (sumYb / n));
    double meanRg = first.rg + sumRg / n, meanYb = first.yb + sumYb / n;
    double colour = Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
    double std = Math.sqrt(Math.max(0, sumL2 / n - (sumL / n) * (sumL / n)));
    return new TechnicalMetrics(laplacianVariance(luma, w, h), clipped / n, std, colour);
  }

  /** Luma (Rec. 601) and the Hasler–Süsstrunk opponent channels of one pixel. */
  private record Channels(double luma, double rg, double yb) {
    static Channels at(RgbImage image, int x, int y) {
      int r = image.red(x, y), g = image.green(x, y), b = image.blue(x, y);
      return new Channels(0.299 * r + 0.587 * g + 0.114 * b, r - g, 0.5 * (r + g) - b);
    }
  }

  /** 4-neighbour Laplacian over the interior; images under 3×3 have no interior and score 0. */
  static double laplacianVariance(double[] luma, int w, int h) {
    if (w < 3 || h < 3) {
      return 0;
    }
    double sum = 0, sum2 = 0;
    long count = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
        sum += lap;
        sum2 += lap * lap;
        count++;
      }
    }
    double mean = sum / count;
    return Math.max(0, sum2 / count - mean * mean);
  }
}
