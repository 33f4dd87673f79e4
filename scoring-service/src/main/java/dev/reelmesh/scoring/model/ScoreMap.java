package dev.reelmesh.scoring.model;

/**
 * How a model's raw output maps to 0–100: linearly from [min, max] with clamping. The LAION
 * aesthetic head is ~1–10, so its default is min 1, max 10.
 */
public record ScoreMap(double min, double max) {
  public double apply(double raw) {
    double t = (raw - min) / (max - min);
    return 100 * Math.max(0, Math.min(1, t));
  }
}
