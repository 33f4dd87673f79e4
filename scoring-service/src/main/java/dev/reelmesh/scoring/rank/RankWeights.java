package dev.reelmesh.scoring.rank;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.scoring.engine.ScorerNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-scorer weights for the overall score. Defaults: clip 0.4, siglip 0.4, pickscore 0.3,
 * aesthetic 0.2, builtin-technical 0.1; a request overrides any of them. Weights are renormalised over the
 * scorers that actually ran, so the overall stays on 0–100 whatever could run.
 */
public final class RankWeights {
  public static final Map<String, Double> DEFAULTS = Map.of(
      ScorerNames.CLIP, 0.4, ScorerNames.SIGLIP, 0.4, ScorerNames.PICKSCORE, 0.3,
      ScorerNames.AESTHETIC, 0.2, ScorerNames.BUILTIN, 0.1);

  /**
   * Weights are relative (renormalised), so nothing needs more range than this; bounding them
   * keeps weight × score and the sum of weights finite (1e308 would overflow to infinity).
   */
  public static final double MAX_WEIGHT = 1e6;

  private RankWeights() {}

  /** Throws INVALID_ARGUMENT for unknown names, NaN, infinities, negatives and huge weights. */
  public static void validate(Map<String, Double> requested) {
    requested.forEach((name, weight) -> {
      if (!ScorerNames.ALL.contains(name)) {
        throw Statuses.invalid("weights", "unknown scorer '" + name + "'; known: "
            + ScorerNames.ALL);
      }
      if (!Double.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
        throw Statuses.invalid("weights[" + name + "]", "must be in [0, " + MAX_WEIGHT
            + "] (weights are relative), got " + weight);
      }
    });
  }

  /** The weights applied to {@code ran}, summing to 1. */
  public static Map<String, Double> resolve(Map<String, Double> requested, List<String> ran) {
    validate(requested);
    Map<String, Double> raw = new LinkedHashMap<>();
    double total = 0;
    for (String name : ran) {
      double w = requested.getOrDefault(name, DEFAULTS.get(name));
      raw.put(name, w);
      total += w;
    }
    if (total <= 0) {
      throw Statuses.invalid("weights", "the scorers that ran " + ran
          + " all have weight 0, so nothing can be ranked; give one of them a positive weight");
    }
    Map<String, Double> used = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : raw.entrySet()) {
      used.put(e.getKey(), e.getValue() / total);
    }
    return used;
  }
}
