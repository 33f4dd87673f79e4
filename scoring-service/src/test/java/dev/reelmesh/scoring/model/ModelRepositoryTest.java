package dev.reelmesh.scoring.model;

import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import dev.reelmesh.v1.UnloadModelRequest;
import io.grpc.Status.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken models are reported precisely and never replace a working version; Load/Unload act. */
class ModelRepositoryTest {
  @TempDir Path dir;
  final TinyModels models = new TinyModels(42);

  Path repo() {
    return dir.resolve("models");
  }

  @Test
  void aBrokenFileOrWrongShapeNeverReplacesTheServingVersion() throws Exception {
    models.installPairAndHead(repo(), 1);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      TinyModels.install(repo(), "clip-vision", 2, TinyModels.VISION_MANIFEST,
          "not an onnx model".getBytes(), false);
      TinyModels.install(repo(), "clip-vision", 3, TinyModels.VISION_MANIFEST,
          models.visionModelOfSize(10), false);
      h.runtime.repository().scan();

      ModelInfo info = metadata(h, "clip-vision");
      assertThat(info.getServingVersion()).isEqualTo(1);
      // Newest first, each failure skipped: 3 and 2 were tried, 1 serves.
      assertThat(info.getVersions(1).getState()).isEqualTo(ModelState.MODEL_STATE_FAILED);
      assertThat(info.getVersions(2).getState()).isEqualTo(ModelState.MODEL_STATE_FAILED);
      assertThat(info.getVersions(2).getError()).contains("does not take [N, 3, 8, 8] images");
      assertStatus(() -> h.stub().loadModel(load("clip-vision", 2)), Code.FAILED_PRECONDITION,
          "clip-vision version 2 cannot serve: ONNX Runtime cannot load");
      info = metadata(h, "clip-vision");
      assertThat(info.getVersions(1).getState()).isEqualTo(ModelState.MODEL_STATE_FAILED);
      assertThat(info.getVersions(1).getError()).contains("ONNX Runtime cannot load");
      assertThat(info.getServingVersion()).isEqualTo(1);
      // Still scoring with version 1.
      assertThat(clipModel(h)).isEqualTo("clip-vision@1+clip-text@1");
    }
  }

  @Test
  void manifestProblemsAreReportedPerModel() throws Exception {
    TinyModels.install(repo(), "bad-json", 1, "{\"kind\": ", models.visionModel(), false);
    TinyModels.install(repo(), "bad-kind", 1, "{\"kind\":\"sdxl\"}", models.visionModel(), false);
    TinyModels.install(repo(), "bad-mean", 1,
        "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":8,\"mean\":[0.5]}}", models.visionModel(), false);
    TinyModels.install(repo(), "no-tokenizer", 1, TinyModels.TEXT_MANIFEST, models.textModel(), false);
    TinyModels.install(repo(), "wrong-names", 1,
        "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":8},\"inputs\":{\"pixel_values\":\"images\"}}",
        models.visionModel(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(metadata(h, "bad-json").getManifestError()).contains("not valid JSON");
      assertThat(metadata(h, "bad-kind").getManifestError())
          .contains("kind 'sdxl' is not one of [clip, clip-vision, clip-text, aesthetic-head, pickscore, siglip, siglip-vision, siglip-text]");
      assertThat(metadata(h, "bad-mean").getManifestError())
          .contains("preprocess.mean must be 3 numbers");
      assertThat(metadata(h, "no-tokenizer").getVersions(0).getError())
          .contains("needs its tokenizer: no tokenizer.json");
      assertThat(metadata(h, "wrong-names").getVersions(0).getError())
          .contains("model.json names input 'images' for pixel_values")
          .contains("pixel_values:float32[-1, 3, 8, 8]");
      assertStatus(() -> h.stub().loadModel(load("bad-kind", 0)), Code.FAILED_PRECONDITION,
          "bad-kind: model.json: kind 'sdxl'");
      assertThat(metadata(h, "bad-json").getManifestJson()).isEqualTo("{\"kind\": ");
    }
  }

  @Test
  void aHeadOfTheWrongWidthFailsThatScorerOnly() throws Exception {
    models.installPairAndHead(repo(), 1);
    TinyModels small = new TinyModels(3);
    // A 1-layer "head" on 512-d input: loads fine, but cannot take the 768-d embeddings.
    byte[] head512 = new dev.reelmesh.scoring.testing.OnnxModelBuilder("h")
        .input("x", 1, -1, 512)
        .floats("W", new float[512], 512, 1).floats("B", new float[] {5}, 1)
        .node("Gemm", java.util.List.of("x", "W", "B"), java.util.List.of("y"))
        .output("y", 1, -1, 1).build();
    TinyModels.install(repo(), "aesthetic", 2, TinyModels.AESTHETIC_MANIFEST, head512, false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addImages(ScoringHarness.inline(Images.detailed(8, 8, 1))).setPrompt("a cat").build());
      assertThat(r.getFailuresList()).singleElement().satisfies(f -> {
        assertThat(f.getScorer()).isEqualTo("aesthetic");
        assertThat(f.getReason()).contains("takes 512-d embeddings but clip-vision@1 gives 768-d");
      });
      assertThat(r.getResults(0).getScoresList()).extracting(s -> s.getScorer())
          .containsExactly("clip", "builtin-technical");
    }
  }

  @Test
  void loadAndUnloadActAtOnceAndNameMissingVersions() throws Exception {
    models.installPairAndHead(repo(), 1);
    TinyModels.install(repo(), "clip-vision", 2, TinyModels.VISION_MANIFEST,
        new TinyModels(7).visionModel(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(metadata(h, "clip-vision").getServingVersion()).isEqualTo(2);
      assertThat(h.stub().loadModel(load("clip-vision", 1)).getModel().getServingVersion()).isEqualTo(1);
      assertThat(clipModel(h)).isEqualTo("clip-vision@1+clip-text@1");
      // Pinned: a scan leaves the explicit choice alone.
      h.runtime.repository().scan();
      assertThat(metadata(h, "clip-vision").getServingVersion()).isEqualTo(1);

      ModelInfo unloaded = h.stub().unloadModel(UnloadModelRequest.newBuilder()
          .setName("clip-vision").build()).getModel();
      assertThat(unloaded.getServingVersion()).isZero();
      h.runtime.repository().scan();
      assertThat(metadata(h, "clip-vision").getServingVersion()).isZero();
      ScoreImagesResponse r = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addImages(ScoringHarness.inline(Images.detailed(8, 8, 1))).setPrompt("a cat")
          .addScorers("clip").addScorers("aesthetic").addScorers("builtin-technical").build());
      assertThat(r.getFailuresList()).extracting(f -> f.getScorer()).containsExactly("clip", "aesthetic");

      assertThat(h.stub().loadModel(load("clip-vision", 0)).getModel().getServingVersion()).isEqualTo(2);
      assertStatus(() -> h.stub().loadModel(load("clip-vision", 9)), Code.NOT_FOUND,
          "clip-vision has no version 9 on disk (versions: [1, 2])");
      assertStatus(() -> h.stub().unloadModel(UnloadModelRequest.newBuilder()
          .setName("clip-vision").setVersion(9).build()), Code.NOT_FOUND, "no version 9");
      assertStatus(() -> h.stub().loadModel(load("nope", 0)), Code.NOT_FOUND, "no model 'nope'");
    }
  }

  @Test
  void theWatcherPicksUpANewVersion() throws Exception {
    models.installPairAndHead(repo(), 1);
    var config = ScoringHarness.config().withPollInterval(java.time.Duration.ofMillis(50));
    try (ScoringHarness h = new ScoringHarness(dir, config)) {
      TinyModels.install(repo(), "clip-vision", 2, TinyModels.VISION_MANIFEST,
          new TinyModels(7).visionModel(), false);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (metadata(h, "clip-vision").getServingVersion() != 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(metadata(h, "clip-vision").getServingVersion()).isEqualTo(2);
      assertThat(clipModel(h)).isEqualTo("clip-vision@2+clip-text@1");
      Files.writeString(repo().resolve("clip-vision/model.json"), "{\"kind\":\"clip-vision\",");
      Thread.sleep(300);
      ModelInfo info = metadata(h, "clip-vision");
      assertThat(info.getManifestError()).contains("not valid JSON");
      assertThat(info.getServingVersion()).isEqualTo(2);
    }
  }

  static String clipModel(ScoringHarness h) {
    return h.stub().scoreImages(ScoreImagesRequest.newBuilder()
        .addImages(ScoringHarness.inline(Images.detailed(8, 8, 1))).setPrompt("a cat")
        .addScorers("clip").build()).getResults(0).getScores(0).getModel();
  }

  static ModelInfo metadata(ScoringHarness h, String name) {
    return h.stub().getModelMetadata(GetModelMetadataRequest.newBuilder().setName(name).build());
  }

  static LoadModelRequest load(String name, long version) {
    return LoadModelRequest.newBuilder().setName(name).setVersion(version).build();
  }
}
