package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.OnnxModelBuilder;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version is warmed up (one run on neutral input) before it may serve: a model that loads and
 * whose tensors fit, but whose graph fails when run, is FAILED with the warm-up's reason, never
 * READY, and the version before it keeps serving.
 */
class WarmUpTest {
  @TempDir Path dir;
  final TinyModels models = new TinyModels(42);

  /** [N, 3, 8, 8] → [N, 192] → Reshape [5, −1]: fine to load (N is dynamic), fails on a run. */
  static byte[] failsWhenRun() {
    return new OnnxModelBuilder("fails-when-run")
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, TinyModels.SIZE, TinyModels.SIZE)
        .longs("shape", new long[] {5, -1}, 2)
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("Reshape", List.of("flat", "shape"), List.of("image_embeds"))
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, -1).build();
  }

  @Test
  void aVersionThatFailsItsWarmUpNeverServesAndTheOneBeforeItKeepsServing() throws Exception {
    Path repo = dir.resolve("models");
    models.installPairAndHead(repo, 1);
    TinyModels.install(repo, "clip-vision", 2, TinyModels.VISION_MANIFEST, failsWhenRun(), false);
    TinyModels.install(repo, "only-bad", 1, TinyModels.VISION_MANIFEST, failsWhenRun(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ModelInfo vision = ReadinessTest.meta(h, "clip-vision");
      assertThat(vision.getServingVersion()).isEqualTo(1);
      assertThat(ReadinessTest.states(vision)).isEqualTo("1=READY 2=FAILED");
      assertThat(vision.getVersionsList().get(1).getError()).contains("warm-up run failed: ");
      assertThat(ReadinessTest.ready(h, "clip-vision", 2).getReady()).isFalse();
      assertThat(ReadinessTest.health(h, "clip-vision")).isEqualTo(ServingStatus.SERVING);

      ModelInfo bad = ReadinessTest.meta(h, "only-bad");
      assertThat(bad.getVersions(0).getState()).isEqualTo(ModelState.MODEL_STATE_FAILED);
      assertThat(bad.getVersions(0).getError()).contains("warm-up run failed: ");
      assertThat(ReadinessTest.health(h, "only-bad")).isEqualTo(ServingStatus.NOT_SERVING);

      ScoreImagesResponse r = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addImages(ScoringHarness.inline(Images.detailed(8, 8, 1))).setPrompt("a red kettle")
          .addScorers("clip").build());
      assertThat(r.getFailuresList()).isEmpty();
      assertThat(ModelScoringTest.score(r.getResults(0), "clip").getModel())
          .isEqualTo("clip-vision@1+clip-text@1");
    }
  }
}
