package dev.reelmesh.scoring.rank;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScoringOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Combines each variation's scores into a weighted overall and ranks them. */
public final class Ranker {
  public static final double DEFAULT_THRESHOLD = 30;

  private Ranker() {}

  /** 0 means the default of 30; otherwise it must lie in (0, 100]. */
  public static double threshold(double requested) {
    if (!Double.isFinite(requested) || requested < 0 || requested > 100) {
      throw Statuses.invalid("quality_threshold", "must be in [0, 100] (0 = default 30), got "
          + requested);
    }
    return requested == 0 ? DEFAULT_THRESHOLD : requested;
  }

  public static Ranking rank(
      ScoringOutcome outcome, Map<String, Double> requestedWeights, double threshold) {
    Map<String, Double> weights = RankWeights.resolve(requestedWeights, outcome.scorersRun());
    List<double[]> overall = new ArrayList<>(); // {index, overall}
    for (int i = 0; i < outcome.scores().size(); i++) {
      double sum = 0;
      for (ScoreValue s : outcome.scores().get(i)) {
        sum += weights.get(s.scorer()) * s.value();
      }
      overall.add(new double[] {i, sum});
    }
    // Best first; equal overalls go to the lower index so the order never depends on timing.
    overall.sort(Comparator.<double[]>comparingDouble(o -> -o[1]).thenComparingDouble(o -> o[0]));
    List<RankedImage> ranked = new ArrayList<>();
    for (int r = 0; r < overall.size(); r++) {
      int index = (int) overall.get(r)[0];
      double value = overall.get(r)[1];
      ranked.add(new RankedImage(index, r + 1, value, outcome.scores().get(index),
          value < threshold));
    }
    List<String> warnings = new ArrayList<>(outcome.warnings());
    RankedImage best = ranked.get(0);
    if (best.belowThreshold()) {
      warnings.add(String.format(Locale.ROOT,
          "best overall %.1f is below the quality threshold %.1f", best.overall(), threshold));
    }
    return new Ranking(List.copyOf(ranked), best.imageIndex(), weights, List.copyOf(warnings));
  }
}
