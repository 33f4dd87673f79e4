package dev.reelmesh.scoring.builtin;

import dev.reelmesh.common.parallel.ParallelMap;
import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.Scorer;
import dev.reelmesh.scoring.engine.ScorerNames;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in quality with no model: technical craft ({@link TechnicalMetrics}: sharpness,
 * exposure, contrast, colourfulness) and composition ({@link CompositionMetrics}: the subject's
 * size, placement, edge cuts, contrast against its surround, clutter around it). The score is
 * {@value #W_TECHNICAL} × technical + {@value #W_COMPOSITION} × composition; each score's
 * detail says what went into it, and the best image's says why it won. It judges the picture,
 * not whether it matches the prompt: results label it {@code builtin-technical}.
 */
public final class TechnicalQualityScorer implements Scorer {
  public static final String MODEL = "builtin-technical";
  static final double W_SHARPNESS = 0.4;
  static final double W_EXPOSURE = 0.2;
  static final double W_CONTRAST = 0.2;
  static final double W_COLOUR = 0.2;
  static final double W_TECHNICAL = 0.4;
  static final double W_COMPOSITION = 0.6;
  private final ParallelMap parallel;

  /** Judges a request's images one after another. */
  public TechnicalQualityScorer() {
    this(null);
  }

  /** Judges a request's images side by side on {@code parallel} (null: one after another). */
  public TechnicalQualityScorer(ParallelMap parallel) {
    this.parallel = parallel;
  }

  @Override
  public String name() {
    return ScorerNames.BUILTIN;
  }

  /** Both halves of one image's verdict. */
  record Judged(TechnicalMetrics technical, CompositionMetrics composition) {
    double technicalScore() {
      return W_SHARPNESS * technical.sharpnessScore() + W_EXPOSURE * technical.exposureScore()
          + W_CONTRAST * technical.contrastScore() + W_COLOUR * technical.colourfulnessScore();
    }

    double score() {
      return W_TECHNICAL * technicalScore() + W_COMPOSITION * composition.score();
    }
  }

  static Judged judge(RgbImage image) {
    return new Judged(TechnicalMetrics.measure(image), CompositionMetrics.measure(image));
  }

  @Override
  public List<ScoreValue> score(ScoringInput input) {
    // Each image's metrics are independent pixel work: the variations of a frame share the cores.
    List<Judged> judged = parallel == null
        ? input.images().stream().map(TechnicalQualityScorer::judge).toList()
        : parallel.map(input.images(), TechnicalQualityScorer::judge);
    List<String> details = Verdict.explain(judged);
    List<ScoreValue> out = new ArrayList<>(judged.size());
    for (int i = 0; i < judged.size(); i++) {
      Judged j = judged.get(i);
      // raw = the Laplacian variance, the component that separates sharp from blurred frames.
      out.add(ScoreValue.of(name(), j.score(), j.technical().laplacianVariance(), MODEL, 0)
          .withDetail(details.get(i)));
    }
    return out;
  }
}
