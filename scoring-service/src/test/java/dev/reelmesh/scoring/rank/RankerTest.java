package dev.reelmesh.scoring.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScoringOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankerTest {
  static ScoringOutcome outcome(double[][] values) {
    List<String> scorers = List.of("clip", "aesthetic", "builtin-technical");
    List<List<ScoreValue>> rows = new java.util.ArrayList<>();
    for (double[] v : values) {
      List<ScoreValue> row = new java.util.ArrayList<>();
      for (int s = 0; s < v.length; s++) {
        row.add(ScoreValue.of(scorers.get(s), v[s], v[s], "m", 1));
      }
      rows.add(row);
    }
    return new ScoringOutcome(scorers.subList(0, values[0].length), rows, List.of(), List.of());
  }

  @Test
  void defaultWeightsAreRenormalisedOverTheScorersThatRan() {
    Ranking r = Ranker.rank(outcome(new double[][] {{50, 80, 10}, {70, 20, 90}}), Map.of(), 30);
    // clip 0.4, aesthetic 0.2, builtin 0.1 → 4/7, 2/7, 1/7.
    assertThat(r.weightsUsed().get("clip")).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(r.weightsUsed().get("aesthetic")).isCloseTo(2.0 / 7, within(1e-12));
    assertThat(r.weightsUsed().get("builtin-technical")).isCloseTo(1.0 / 7, within(1e-12));
    double o0 = (4 * 50 + 2 * 80 + 10) / 7.0;
    double o1 = (4 * 70 + 2 * 20 + 90) / 7.0;
    assertThat(r.ranked().get(0).imageIndex()).isEqualTo(o1 > o0 ? 1 : 0);
    assertThat(r.ranked().get(0).overall()).isCloseTo(Math.max(o0, o1), within(1e-9));
  }

  @Test
  void requestWeightsOverrideDefaultsAndZeroWeightsDropAScorer() {
    Ranking r = Ranker.rank(outcome(new double[][] {{10, 90, 50}, {90, 10, 50}}),
        Map.of("clip", 0.0, "aesthetic", 3.0), 30);
    assertThat(r.weightsUsed()).containsEntry("clip", 0.0);
    assertThat(r.weightsUsed().get("aesthetic")).isCloseTo(3 / 3.1, within(1e-12));
    assertThat(r.bestIndex()).isZero();
  }

  @Test
  void thresholdDefaultsTo30() {
    assertThat(Ranker.threshold(0)).isEqualTo(30);
    assertThat(Ranker.threshold(55.5)).isEqualTo(55.5);
  }
}
