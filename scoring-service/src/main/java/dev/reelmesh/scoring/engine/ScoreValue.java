package dev.reelmesh.scoring.engine;

/**
 * One scorer's verdict on one image. {@code value} is 0–100 (higher is better); {@code raw} is the
 * scorer's own unit; {@code model}/{@code version} name what produced it (version 0 = built-in).
 * {@code preference} is PickScore's softmax share across the request's images, else 0.
 * {@code detail} says why, in words, when the scorer gives reasons (else empty).
 */
public record ScoreValue(String scorer, double value, double raw, String model, long version,
    double preference, String detail) {
  public ScoreValue(String scorer, double value, double raw, String model, long version,
      double preference) {
    this(scorer, value, raw, model, version, preference, "");
  }

  public static ScoreValue of(String scorer, double value, double raw, String model, long version) {
    return new ScoreValue(scorer, value, raw, model, version, 0);
  }

  public ScoreValue withPreference(double share) {
    return new ScoreValue(scorer, value, raw, model, version, share, detail);
  }

  public ScoreValue withDetail(String why) {
    return new ScoreValue(scorer, value, raw, model, version, preference, why);
  }
}
