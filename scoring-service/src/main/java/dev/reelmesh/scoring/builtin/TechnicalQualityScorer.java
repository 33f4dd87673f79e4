package dev.reelmesh.scoring.builtin;

import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScorerNames;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Technical quality with no model: sharpness (variance of the Laplacian of luma), exposure
 * (share of clipped shadows and highlights), contrast (luma standard deviation) and colourfulness
 * (Hasler–Süsstrunk). Each maps to 0–100; the score is their weighted mean. It judges craft, not
 * content, which is why results label it {@code builtin-technical}.
 */
public final class TechnicalQualityScorer implements Scorer {
  public static final String MODEL = "builtin-technical";
  static final double W_SHARPNESS = 0.4;
  static final double W_EXPOSURE = 0.2;
  static final double W_CONTRAST = 0.2;
  static final double W_COLOUR = 0.2;

  @Override
  public String name() {
    return ScorerNames.BUILTIN;
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    List<ScoreValue> out = new ArrayList<>(input.images().size());
    for (RgbImage image : input.images()) {
      TechnicalMetrics m = TechnicalMetrics.measure(image);
      double combined = W_SHARPNESS * m.sharpnessScore() + W_EXPOSURE * m.exposureScore()
          + W_CONTRAST * m.contrastScore() + W_COLOUR * m.colourfulnessScore();
      // raw = the Laplacian variance, the component that separates sharp from blurred frames.
      out.add(ScoreValue.of(name(), combined, m.laplacianVariance(), MODEL, 0));
    }
    return out;
  }
}
