package dev.reelmesh.scoring.model;

import static dev.reelmesh.scoring.testing.ScoringHarness.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.Preprocess;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.Reference;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TestTokenizer;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.ImageScores;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.Score;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores from tiny ONNX models against the same math done here in double precision. */
class ModelScoringTest {
  static final String PROMPT = "a photo of a red kettle";
  @TempDir Path dir;
  final TinyModels models = new TinyModels(42);
  // SIZE×SIZE images need no resize or crop, so the expected pixels are plain normalisation.
  final List<RgbImage> images = List.of(Images.detailed(8, 8, 1), Images.detailed(8, 8, 2),
      Images.solid(8, 8, 0xc04020));

  @Test
  void clipScoreAndAestheticFromAVisionTextPairMatchTheMath() throws Exception {
    models.installPairAndHead(dir.resolve("models"), 1);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = h.stub().scoreImages(request().setPrompt(PROMPT).build());
      assertThat(r.getFailuresList()).isEmpty();
      double[] text = textEmbedding(PROMPT);
      for (int i = 0; i < images.size(); i++) {
        double[] image = models.imageEmbedding(pixels(images.get(i)));
        double cos = cosine(image, text);
        Score clip = score(r.getResults(i), "clip");
        assertThat(clip.getRaw()).isCloseTo(cos, within(1e-4));
        assertThat(clip.getValue()).isCloseTo(100 * Math.max(cos, 0), within(1e-2));
        assertThat(clip.getModel()).isEqualTo("clip-vision@1+clip-text@1");
        assertThat(clip.getVersion()).isEqualTo(1);

        double raw = models.aestheticRaw(normalise(image));
        Score aesthetic = score(r.getResults(i), "aesthetic");
        assertThat(aesthetic.getRaw()).isCloseTo(raw, within(1e-3));
        assertThat(aesthetic.getValue())
            .isCloseTo(100 * Math.max(0, Math.min(1, (raw - 1) / 9)), within(1e-2));
        assertThat(aesthetic.getModel()).isEqualTo("aesthetic");
      }
    }
  }

  @Test
  void jointClipAndPickScoreMatchTheMathWithSoftmaxPreference() throws Exception {
    Path repo = dir.resolve("models");
    TinyModels.install(repo, "clip-joint", 3, TinyModels.JOINT_MANIFEST, models.jointModel(100), true);
    TinyModels.install(repo, "pickscore", 1, TinyModels.PICKSCORE_MANIFEST, models.jointModel(100), true);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      RankVariationsResponse r = h.stub().rankVariations(RankVariationsRequest.newBuilder()
          .addAllImages(images.stream().map(ScoringHarness::inline).toList())
          .setPrompt(PROMPT).build());
      double[] text = textEmbedding(PROMPT);
      double[] logits = new double[images.size()];
      for (int i = 0; i < images.size(); i++) {
        logits[i] = 100 * cosine(models.imageEmbedding(pixels(images.get(i))), text);
      }
      double max = java.util.Arrays.stream(logits).max().orElseThrow();
      double sum = java.util.Arrays.stream(logits).map(l -> Math.exp(l - max)).sum();
      assertThat(r.getWeightsUsedMap()).containsOnlyKeys("clip", "pickscore", "builtin-technical");
      assertThat(r.getWeightsUsedMap().get("clip")).isCloseTo(0.4 / 0.8, within(1e-12));
      for (var ranked : r.getRankedList()) {
        int i = ranked.getImageIndex();
        Score pick = ranked.getScoresList().stream()
            .filter(s -> s.getScorer().equals("pickscore")).findFirst().orElseThrow();
        assertThat(pick.getRaw()).isCloseTo(logits[i], within(1e-2));
        assertThat(pick.getPreference()).isCloseTo(Math.exp(logits[i] - max) / sum, within(1e-3));
        assertThat(pick.getValue()).isCloseTo(Math.max(0, Math.min(100, logits[i])), within(1e-2));
        Score clip = ranked.getScoresList().stream()
            .filter(s -> s.getScorer().equals("clip")).findFirst().orElseThrow();
        assertThat(clip.getModel()).isEqualTo("clip-joint");
        assertThat(clip.getVersion()).isEqualTo(3);
        double overall = ranked.getScoresList().stream()
            .mapToDouble(s -> r.getWeightsUsedMap().get(s.getScorer()) * s.getValue()).sum();
        assertThat(ranked.getOverall()).isCloseTo(overall, within(1e-9));
      }
      for (int k = 1; k < r.getRankedCount(); k++) {
        assertThat(r.getRanked(k - 1).getOverall()).isGreaterThanOrEqualTo(r.getRanked(k).getOverall());
      }
    }
  }

  @Test
  void withoutAPromptTextScorersAreSkippedAndSaid() throws Exception {
    models.installPairAndHead(dir.resolve("models"), 1);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = h.stub().scoreImages(request().build());
      assertThat(r.getResults(0).getScoresList()).extracting(Score::getScorer)
          .containsExactly("aesthetic", "builtin-technical");
      assertThat(r.getWarningsList()).anySatisfy(w ->
          assertThat(w).isEqualTo("not scored with [clip]: the request has no prompt"));
    }
  }

  @Test
  void listModelsReportsKindsTensorsStateAndProvider() throws Exception {
    models.installPairAndHead(dir.resolve("models"), 1);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      var list = h.stub().listModels(ListModelsRequest.getDefaultInstance());
      assertThat(list.getModelsList()).extracting(ModelInfo::getName)
          .containsExactly("aesthetic", "clip-text", "clip-vision");
      ModelInfo vision = list.getModels(2);
      assertThat(vision.getKind()).isEqualTo("clip-vision");
      assertThat(vision.getServingVersion()).isEqualTo(1);
      var v = vision.getVersions(0);
      assertThat(v.getState()).isEqualTo(ModelState.MODEL_STATE_READY);
      if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
        // The -Pgpu build: CUDA when a GPU answers, else CPU with ONNX Runtime's reason.
        assertThat(v.getExecutionProvider()).satisfiesAnyOf(
            p -> assertThat(p).isEqualTo("cuda"),
            p -> assertThat(p).startsWith("cpu (cuda unavailable: "));
      } else {
        assertThat(v.getExecutionProvider()).isEqualTo("cpu");
      }
      assertThat(v.getInputs(0).getName()).isEqualTo("pixel_values");
      assertThat(v.getInputs(0).getElementType()).isEqualTo("float32");
      assertThat(v.getInputs(0).getShapeList()).containsExactly(-1L, 3L, 8L, 8L);
      assertThat(v.getOutputs(0).getName()).isEqualTo("image_embeds");
      assertThat(list.getModels(1).getVersions(0).getInputsList())
          .extracting(t -> t.getName()).containsExactlyInAnyOrder("input_ids", "attention_mask");
    }
  }

  private ScoreImagesRequest.Builder request() {
    return ScoreImagesRequest.newBuilder()
        .addAllImages(images.stream().map(ScoringHarness::inline).toList());
  }

  private double[] textEmbedding(String prompt) {
    long[][] tokens = TestTokenizer.expectedIds(prompt);
    return models.textEmbedding(tokens[0], tokens[1]);
  }

  static float[] pixels(RgbImage image) {
    return Reference.clipPixels(image);
  }

  static double cosine(double[] a, double[] b) {
    return Reference.cosine(a, b);
  }

  static double[] normalise(double[] v) {
    double n = Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).sum());
    return java.util.Arrays.stream(v).map(x -> x / n).toArray();
  }

  static Score score(ImageScores scores, String scorer) {
    return scores.getScoresList().stream().filter(s -> s.getScorer().equals(scorer))
        .findFirst().orElseThrow(() -> new AssertionError("no " + scorer + " in " + scores));
  }
}
