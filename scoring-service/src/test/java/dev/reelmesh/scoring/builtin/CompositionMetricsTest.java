package dev.reelmesh.scoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Composition judged on drawn frames whose subject's place, size and contrast are known. */
class CompositionMetricsTest {
  static final int W = 320;
  static final int H = 180;
  final TechnicalQualityScorer scorer = new TechnicalQualityScorer();

  /** A disc of {@code colour} with centre (x, y) and radius r on a two-tone backdrop. */
  static RgbImage disc(double x, double y, double r, int colour, int backdrop, int specks) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(backdrop));
    g.fillRect(0, 0, W, H);
    g.setColor(new Color(backdrop).darker());
    g.fillRect(0, (int) (H * 0.7), W, H);
    Random random = new Random(3);
    for (int i = 0; i < specks; i++) {
      g.setColor(new Color(random.nextInt(0xffffff)));
      g.fillRect(random.nextInt(W), random.nextInt(H), 3, 3);
    }
    g.setColor(new Color(colour));
    g.fillOval((int) (x - r), (int) (y - r), (int) (2 * r), (int) (2 * r));
    g.dispose();
    int[] px = img.getRGB(0, 0, W, H, null, 0, W);
    return new RgbImage(W, H, px);
  }

  @Test
  void findsTheSubjectsPlaceAndSize() {
    double x = W / 3.0, y = H / 2.0, r = 35;
    CompositionMetrics m = CompositionMetrics.measure(disc(x, y, r, 0xE8C547, 0x1F2F55, 0));
    assertThat(m.centreX()).isCloseTo(x / W, within(0.03));
    assertThat(m.centreY()).isCloseTo(y / H, within(0.03));
    assertThat(m.share()).isCloseTo(4 * r * r / (W * H), within(0.3 * 4 * r * r / (W * H)));
    assertThat(m.edgesCut()).isZero();
    assertThat(m.placementScore()).isGreaterThan(85);
  }

  @Test
  void aSubjectOnAThirdBeatsOneCutByTheCorner() {
    RgbImage thirds = disc(W / 3.0, H / 3.0 + 10, 34, 0xE8C547, 0x1F2F55, 0);
    RgbImage corner = disc(W - 20, H - 15, 34, 0xE8C547, 0x1F2F55, 0);
    List<ScoreValue> s = scorer.score(ScoringInput.of(List.of(corner, thirds), ""));
    assertThat(s.get(1).value()).isGreaterThan(s.get(0).value() + 10);
    assertThat(CompositionMetrics.measure(corner).edgesCut()).isEqualTo(2);
    assertThat(s.get(1).detail()).startsWith("best of 2").contains("placed on the left third");
    assertThat(s.get(0).detail()).contains("cut by 2 frame edge(s)").doesNotContain("best of");
  }

  @Test
  void aReadableSubjectBeatsATinyOne() {
    RgbImage big = disc(W / 2.0, H / 2.0, 40, 0xC8302C, 0x8FB8A0, 0);
    RgbImage tiny = disc(W / 2.0, H / 2.0, 6, 0xC8302C, 0x8FB8A0, 0);
    assertThat(CompositionMetrics.measure(tiny).sizeScore()).isLessThan(20);
    assertThat(CompositionMetrics.measure(big).sizeScore()).isEqualTo(100);
    List<ScoreValue> s = scorer.score(ScoringInput.of(List.of(tiny, big), ""));
    assertThat(s.get(1).value()).isGreaterThan(s.get(0).value());
    assertThat(s.get(1).detail()).contains("mainly on subject size");
  }

  @Test
  void contrastOnTheSubjectIsMeasuredAgainstItsSurround() {
    double low = CompositionMetrics.measure(disc(W / 3.0, H / 2.0, 30, 0x30406A, 0x1F2F55, 0))
        .contrast();
    double high = CompositionMetrics.measure(disc(W / 3.0, H / 2.0, 30, 0xF2C230, 0x1F2F55, 0))
        .contrast();
    // ΔE between the two colours, computed here: yellow on navy is far, navy on navy near.
    double[] navy = LabThumbnail.lab(0x1F, 0x2F, 0x55);
    double[] yellow = LabThumbnail.lab(0xF2, 0xC2, 0x30);
    double expected = Math.sqrt(Math.pow(navy[0] - yellow[0], 2) + Math.pow(navy[1] - yellow[1],
        2) + Math.pow(navy[2] - yellow[2], 2));
    assertThat(high).isCloseTo(expected, within(0.25 * expected));
    assertThat(low).isLessThan(high / 3);
  }

  @Test
  void clutterAroundTheSubjectCounts() {
    CompositionMetrics clean = CompositionMetrics.measure(disc(W / 3.0, H / 2.0, 30, 0xF2C230,
        0x1F2F55, 0));
    CompositionMetrics busy = CompositionMetrics.measure(disc(W / 3.0, H / 2.0, 30, 0xF2C230,
        0x1F2F55, 900));
    assertThat(clean.clutter()).isLessThan(0.05);
    assertThat(busy.clutter()).isGreaterThan(clean.clutter() + 0.1);
    assertThat(busy.clutterScore()).isLessThan(clean.clutterScore());
  }

  @Test
  void aFrameWhereNothingStandsOutHasNoSubject() {
    CompositionMetrics m = CompositionMetrics.measure(Images2.flat(0x808080));
    assertThat(m.hasSubject()).isFalse();
    assertThat(m.score()).isCloseTo(20, within(1e-9));
  }

  static final class Images2 {
    static RgbImage flat(int rgb) {
      int[] px = new int[W * H];
      java.util.Arrays.fill(px, rgb);
      return new RgbImage(W, H, px);
    }
  }
}
