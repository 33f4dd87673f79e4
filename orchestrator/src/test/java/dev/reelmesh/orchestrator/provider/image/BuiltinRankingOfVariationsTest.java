package dev.reelmesh.orchestrator.provider.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.scoring.builtin.TechnicalQualityScorer;
import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ScenePlan;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in scorer on the animatic's own variations, as a job's storyboard ranks them: the
 * winning slot follows the picture, so over a job's frames no slot wins almost every time
 * (before: v2 in 16 of 16), and every winner says why it won.
 */
class BuiltinRankingOfVariationsTest {
  @TempDir Path dir;

  @Test
  void theWinningSlotVariesWithTheFrameAndSaysWhy() throws Exception {
    TechnicalQualityScorer scorer = new TechnicalQualityScorer();
    int[] wins = new int[4];
    int frames = 0;
    List<String> briefs = List.of(SceneGraphBriefsTest.CASES.get(0).brief(),
        SceneGraphBriefsTest.CASES.get(6).brief(), SceneGraphBriefsTest.CASES.get(16).brief(),
        SceneGraphBriefsTest.CASES.get(11).brief());
    for (String brief : briefs) {
      ScenePlan plan = PlanFixtures.plan(brief);
      for (int clip = 0; clip < plan.getClipsCount(); clip++) {
        for (FrameKind kind : List.of(FrameKind.FRAME_KIND_START, FrameKind.FRAME_KIND_END)) {
          List<Path> images = new AnimaticImageProvider().generate(PlanFixtures.request(plan,
              clip, kind, 4, new FrameSize(256, 144), 3, null, dir.resolve(frames + "")));
          List<RgbImage> rgb = new ArrayList<>();
          for (Path p : images) {
            BufferedImage b = ImageIO.read(p.toFile());
            rgb.add(new RgbImage(b.getWidth(), b.getHeight(), b.getRGB(0, 0, b.getWidth(),
                b.getHeight(), null, 0, b.getWidth())));
          }
          List<ScoreValue> scores = scorer.score(ScoringInput.of(rgb, ""));
          int best = 0;
          for (int v = 1; v < scores.size(); v++) {
            best = scores.get(v).value() > scores.get(best).value() ? v : best;
          }
          assertThat(scores.get(best).detail()).startsWith("best of 4").contains("mainly on");
          wins[best]++;
          frames++;
        }
      }
    }
    for (int v = 0; v < 4; v++) {
      assertThat(wins[v]).as("slot v%d wins %d of %d frames", v, wins[v], frames)
          .isLessThanOrEqualTo(frames / 2);
    }
  }
}
