package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.Reference;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TestTokenizer;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The -Pgpu build on a machine with an NVIDIA GPU: every model runs on CUDA and scores as the
 * double-precision reference does. Anywhere else this test is SKIPPED with its reason (surefire
 * counts it under "Skipped" and prints the reason), never passed, so a CPU run cannot read as a
 * GPU one; {@code -Dscoring.requireCuda=true} (the GPU command of docs/bench/scoring.md) makes the
 * missing GPU a failure instead.
 */
class CudaExecutionTest {
  @TempDir Path dir;
  final TinyModels models = new TinyModels(42);
  final List<RgbImage> images = List.of(Images.detailed(8, 8, 1), Images.solid(8, 8, 0xc04020));

  @Test
  void onTheGpuBuildEveryModelRunsOnCudaAndScoresAsTheReferenceDoes() {
    if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
      skipOrFail("CPU build (com.microsoft.onnxruntime:onnxruntime): CUDA not tested; build with"
          + " -Pgpu on a machine with an NVIDIA GPU, CUDA 12 and cuDNN 9");
    }
    models.installPairAndHead(dir.resolve("models"), 1);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      for (ModelInfo m : h.stub().listModels(ListModelsRequest.getDefaultInstance())
          .getModelsList()) {
        String provider = m.getVersions(0).getExecutionProvider();
        if (!provider.equals("cuda")) {
          skipOrFail("onnxruntime_gpu is on the classpath but " + m.getName() + " runs on "
              + provider);
        }
      }
      ScoreImagesResponse r = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addAllImages(images.stream().map(ScoringHarness::inline).toList())
          .setPrompt(ModelScoringTest.PROMPT).build());
      assertThat(r.getFailuresList()).isEmpty();
      long[][] tokens = TestTokenizer.expectedIds(ModelScoringTest.PROMPT);
      double[] text = models.textEmbedding(tokens[0], tokens[1]);
      for (int i = 0; i < images.size(); i++) {
        double[] image = models.imageEmbedding(Reference.clipPixels(images.get(i)));
        assertThat(ModelScoringTest.score(r.getResults(i), "clip").getRaw())
            .isCloseTo(Reference.cosine(image, text), within(1e-4));
        assertThat(ModelScoringTest.score(r.getResults(i), "aesthetic").getRaw())
            .isCloseTo(models.aestheticRaw(ModelScoringTest.normalise(image)), within(1e-3));
      }
    }
  }

  static void skipOrFail(String reason) {
    if (Boolean.getBoolean("scoring.requireCuda")) {
      Assertions.fail("-Dscoring.requireCuda=true but " + reason);
    }
    Assumptions.abort(reason);
  }
}
