package dev.reelmesh.scoring.model;

import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.UnloadModelRequest;
import io.grpc.Status.Code;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model name is a plain name inside the repository, never a path to a model elsewhere. */
class ModelNamesTest {
  @TempDir Path dir;
  final TinyModels models = new TinyModels(5);

  @Test
  void pathsAndTraversalAreRefusedNamingTheField() {
    // A working joint CLIP model outside the repository, where "../outside/x" would reach it.
    TinyModels.install(dir.resolve("outside"), "x", 1, TinyModels.JOINT_MANIFEST,
        models.jointModel(100), true);
    Path absolute = dir.resolve("outside").resolve("x").toAbsolutePath();
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      for (String name : List.of("../outside/x", absolute.toString(), "a/b", "a\\b", "..",
          ".hidden", "x/../../outside/x", "x y", "c:model", "x".repeat(129))) {
        assertStatus(() -> h.stub().loadModel(LoadModelRequest.newBuilder().setName(name).build()),
            Code.INVALID_ARGUMENT, "name: ");
        assertStatus(() -> h.stub().unloadModel(UnloadModelRequest.newBuilder().setName(name)
            .build()), Code.INVALID_ARGUMENT, "name: ");
        assertStatus(() -> h.stub().getModelMetadata(GetModelMetadataRequest.newBuilder()
            .setName(name).build()), Code.INVALID_ARGUMENT, "name: ");
      }
      assertStatus(() -> h.stub().loadModel(LoadModelRequest.newBuilder()
          .setName("../outside/x").build()), Code.INVALID_ARGUMENT,
          "name: '../outside/x' is not a plain model name");
      // Nothing was loaded: the clip scorer still has no model.
      assertThat(h.stub().listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
          .isEmpty();
      assertThat(h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addImages(ScoringHarness.inline(Images.detailed(16, 16, 1))).setPrompt("a cat").build())
          .getWarningsList()).anySatisfy(w -> assertThat(w).contains("no clip model serves"));
      // A plain name that exists is still fine.
      assertStatus(() -> h.stub().loadModel(LoadModelRequest.newBuilder().setName("x.v2_b-1")
          .build()), Code.NOT_FOUND, "no model 'x.v2_b-1'");
    }
  }

  @Test
  void manifestFileNamesArePlainToo() {
    TinyModels.install(dir.resolve("models"), "text", 1,
        "{\"kind\":\"clip-text\",\"tokenizer\":{\"file\":\"../../tokenizer.json\"}}",
        models.textModel(), true);
    TinyModels.install(dir.resolve("models"), "head", 1,
        "{\"kind\":\"aesthetic-head\",\"embedding_model\":\"../vision\"}",
        models.aestheticModel(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(meta(h, "text").getManifestError())
          .contains("tokenizer.file must be a file name in the model or version directory");
      assertThat(meta(h, "head").getManifestError())
          .contains("embedding_model: '../vision' is not a plain model name");
    }
  }

  private static dev.reelmesh.v1.ModelInfo meta(ScoringHarness h, String name) {
    return h.stub().getModelMetadata(GetModelMetadataRequest.newBuilder().setName(name).build());
  }
}
