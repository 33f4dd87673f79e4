package dev.reelmesh.scoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import java.util.List;
import org.junit.jupiter.api.Test;

class TechnicalQualityScorerTest {
  final TechnicalQualityScorer scorer = new TechnicalQualityScorer();

  @Test
  void ranksASharpImageAboveABlurredCopyOfItselfOnTechnicalQuality() {
    for (long seed = 1; seed <= 5; seed++) {
      RgbImage sharp = Images.detailed(120, 80, seed);
      for (int radius : new int[] {1, 2, 4}) {
        RgbImage blurred = Images.blurred(sharp, radius);
        List<ScoreValue> s = scorer.score(ScoringInput.of(List.of(sharp, blurred), ""));
        assertThat(TechnicalQualityScorer.judge(sharp).technicalScore()).as("seed %d radius %d",
            seed, radius).isGreaterThan(TechnicalQualityScorer.judge(blurred).technicalScore());
        assertThat(s.get(0).raw()).isGreaterThan(s.get(1).raw());
      }
    }
  }

  @Test
  void rawIsTheLaplacianVarianceOfLuma() {
    RgbImage image = Images.detailed(31, 17, 9);
    double expected = laplacianVariance(image);
    ScoreValue s = scorer.score(ScoringInput.of(List.of(image), "")).get(0);
    assertThat(s.raw()).isCloseTo(expected, within(1e-6 * expected));
    assertThat(s.scorer()).isEqualTo("builtin-technical");
    assertThat(s.model()).isEqualTo("builtin-technical");
    assertThat(s.version()).isZero();
  }

  @Test
  void componentsFollowTheirDefinitions() {
    // Flat mid-grey: technically only exposure counts (0.2 × 100); in composition nothing stands
    // out (no subject: size, placement, contrast 0) and nothing clutters (0.2 × 100).
    assertThat(scorer.score(ScoringInput.of(List.of(Images.solid(20, 20, 0x808080)), "")).get(0).value())
        .isCloseTo(0.4 * 20 + 0.6 * 20, within(1e-9));
    // Flat white: everything clipped → technical 0; composition as above.
    assertThat(scorer.score(ScoringInput.of(List.of(Images.solid(20, 20, 0xffffff)), "")).get(0).value())
        .isCloseTo(0.6 * 20, within(1e-9));
    // Half pure red, half pure green: colourfulness per Hasler–Süsstrunk, computed here.
    int[] px = new int[20 * 20];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % 20) < 10 ? 0xff0000 : 0x00ff00;
    }
    TechnicalMetrics m = TechnicalMetrics.measure(new RgbImage(20, 20, px));
    // rg = ±255, yb = 127.5 everywhere: σrg = 255, σyb = 0, μrg = 0, μyb = 127.5.
    assertThat(m.colourfulness()).isCloseTo(255 + 0.3 * 127.5, within(1e-9));
    assertThat(m.colourfulnessScore()).isEqualTo(100);
  }

  @Test
  void tinyImagesScoreWithoutFailing() {
    assertThat(scorer.score(ScoringInput.of(List.of(Images.solid(1, 1, 0x102030)), "")).get(0).raw()).isZero();
  }

  static double laplacianVariance(RgbImage image) {
    int w = image.width(), h = image.height();
    List<Double> values = new java.util.ArrayList<>();
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        values.add(luma(image, x - 1, y) + luma(image, x + 1, y) + luma(image, x, y - 1)
            + luma(image, x, y + 1) - 4 * luma(image, x, y));
      }
    }
    double mean = values.stream().mapToDouble(d -> d).average().orElseThrow();
    return values.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / values.size();
  }

  static double luma(RgbImage i, int x, int y) {
    return 0.299 * i.red(x, y) + 0.587 * i.green(x, y) + 0.114 * i.blue(x, y);
  }
}
