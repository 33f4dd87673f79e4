package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.Reference;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TestTokenizer;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.scoring.testing.TinySiglip;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.ImageScores;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.Score;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SigLIP scores (sigmoid of scale × cos + bias, SigLIP preprocessing) from tiny SigLIP-shaped
 * models, against the same math done in {@link TinySiglip} in double precision.
 */
class SiglipScoringTest {
  static final String PROMPT = "a photo of a red kettle";
  static final double SCALE = 11.5;
  static final double BIAS = -2.25;
  static final String VISION = "{\"kind\":\"siglip-vision\",\"preprocess\":{\"size\":8}}";
  static final String TEXT = "{\"kind\":\"siglip-text\"}";
  @TempDir Path dir;
  final TinySiglip models = new TinySiglip(11);
  // Not square and larger than 8: the square bilinear resize (no crop) is exercised.
  final List<RgbImage> images = List.of(Images.blurred(Images.detailed(40, 24, 1), 1),
      Images.detailed(13, 29, 2), Images.solid(8, 8, 0xc04020));

  Path repo() {
    return dir.resolve("models");
  }

  void install(String name, String manifest, byte[] onnx, boolean tokenizer) {
    TinyModels.install(repo(), name, 1, manifest, onnx, false);
    if (tokenizer) {
      TestTokenizer.write(repo().resolve(name).resolve("tokenizer.json"), TinySiglip.CONTEXT);
    }
  }

  @Test
  void aPairScoresSigmoidProbabilitiesWithScaleAndBiasFromTheModelMetadata() {
    install("siglip-vision", VISION, models.visionModel(), false);
    install("siglip-text", TEXT, models.textModel(SCALE, BIAS), true);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = score(h, "siglip");
      assertThat(r.getFailuresList()).isEmpty();
      double[] text = models.textEmbedding(PROMPT);
      for (int i = 0; i < images.size(); i++) {
        double logit = SCALE * Reference.cosine(models.imageEmbedding(images.get(i)), text) + BIAS;
        Score s = score(r.getResults(i), "siglip");
        assertThat(s.getRaw()).as("image %d logit", i).isCloseTo(logit, within(5e-3));
        assertThat(s.getValue()).isCloseTo(100 / (1 + Math.exp(-logit)), within(0.05));
        assertThat(s.getModel()).isEqualTo("siglip-vision@1+siglip-text@1");
      }
    }
  }

  @Test
  void aJointModelTakesScaleAndBiasFromItsManifest() {
    install("siglip-joint", "{\"kind\":\"siglip\",\"preprocess\":{\"size\":8},\"logit_scale\":"
        + SCALE + ",\"logit_bias\":" + BIAS + "}", models.jointModel(null, null), true);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = score(h, "siglip");
      double[] text = models.textEmbedding(PROMPT);
      for (int i = 0; i < images.size(); i++) {
        double logit = SCALE * Reference.cosine(models.imageEmbedding(images.get(i)), text) + BIAS;
        assertThat(score(r.getResults(i), "siglip").getRaw()).isCloseTo(logit, within(5e-3));
      }
      ModelInfo info = meta(h, "siglip-joint");
      assertThat(info.getKind()).isEqualTo("siglip");
      assertThat(info.getVersions(0).getState()).isEqualTo(ModelState.MODEL_STATE_READY);
    }
  }

  @Test
  void theManifestsPreprocessingReplacesSiglipsDefaults() {
    double[] mean = {0.2, 0.4, 0.6};
    double[] std = {0.25, 0.5, 0.75};
    install("siglip-vision", "{\"kind\":\"siglip-vision\",\"preprocess\":{\"size\":8,"
        + "\"mean\":[0.2,0.4,0.6],\"std\":[0.25,0.5,0.75]}}", models.visionModel(), false);
    install("siglip-text", TEXT, models.textModel(SCALE, BIAS), true);
    // 8×8 images: no resize, so the expected pixels are the manifest's normalisation alone.
    List<RgbImage> exact = List.of(Images.detailed(8, 8, 3), Images.solid(8, 8, 0x30c0a0));
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addAllImages(exact.stream().map(ScoringHarness::inline).toList())
          .setPrompt(PROMPT).addScorers("siglip").build());
      double[] text = models.textEmbedding(PROMPT);
      for (int i = 0; i < exact.size(); i++) {
        double[] pixels = new double[3 * 64];
        for (int c = 0; c < 3; c++) {
          for (int p = 0; p < 64; p++) {
            int v = exact.get(i).rgb()[p] >> (16 - 8 * c) & 0xff;
            pixels[c * 64 + p] = (v / 255.0 - mean[c]) / std[c];
          }
        }
        double logit = SCALE * Reference.cosine(models.vision.apply(pixels), text) + BIAS;
        double defaults = SCALE * Reference.cosine(models.imageEmbedding(exact.get(i)), text) + BIAS;
        assertThat(Math.abs(logit - defaults)).as("image %d: the manifest matters", i)
            .isGreaterThan(0.05);
        assertThat(score(r.getResults(i), "siglip").getRaw()).as("image %d", i)
            .isCloseTo(logit, within(5e-3));
      }
    }
  }

  @Test
  void aSiglipModelWithoutItsBiasDoesNotLoadAndSaysWhere() {
    install("no-bias", TEXT, models.textModel(SCALE, null), true);
    install("bad-scale", TEXT, models.textModel(-1.0, BIAS), true);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(meta(h, "no-bias").getVersions(0).getError())
          .contains("a SigLIP model needs its logit_bias; set \"logit_bias\" in model.json or the"
              + " ONNX file's metadata_props");
      assertThat(meta(h, "bad-scale").getVersions(0).getError())
          .contains("metadata logit_scale '-1.0' is not a usable number");
    }
  }

  @Test
  void anInt8QdqExportRunsAsItIs() {
    install("siglip-vision", VISION, models.quantisedVisionModel(), false);
    install("siglip-text", TEXT, models.textModel(SCALE, BIAS), true);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = score(h, "siglip");
      double[] text = models.textEmbedding(PROMPT);
      for (int i = 0; i < images.size(); i++) {
        double quantised = SCALE
            * Reference.cosine(models.quantisedImageEmbedding(images.get(i)), text) + BIAS;
        double exact = SCALE * Reference.cosine(models.imageEmbedding(images.get(i)), text) + BIAS;
        Score s = score(r.getResults(i), "siglip");
        assertThat(s.getRaw()).as("image %d", i).isCloseTo(quantised, within(5e-3));
        // Quantisation moved it, but not far: the int8 tower is the same model.
        assertThat(s.getRaw()).isCloseTo(exact, within(0.1));
      }
    }
  }

  @Test
  void anAestheticHeadReadsSiglipEmbeddingsAndAWrongWidthIsNamed() {
    install("siglip-vision", VISION, models.visionModel(), false);
    install("v25-head", "{\"kind\":\"aesthetic-head\",\"embedding_model\":\"siglip-vision\"}",
        models.headModel(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = score(h, "aesthetic");
      for (int i = 0; i < images.size(); i++) {
        double raw = models.headRaw(models.imageEmbedding(images.get(i)));
        assertThat(score(r.getResults(i), "aesthetic").getRaw()).isCloseTo(raw, within(3e-3));
      }
    }
    // The LAION head takes 768-d CLIP embeddings: pointed at the 48-d SigLIP tower, it says so.
    install("laion", "{\"kind\":\"aesthetic-head\",\"embedding_model\":\"siglip-vision\"}",
        new TinyModels(1).aestheticModel(), false);
    TinyModels.install(repo(), "v25-head", 2, "{\"kind\":\"aesthetic-head\","
        + "\"embedding_model\":\"siglip-text\"}", models.headModel(), false);
    install("siglip-text", TEXT, models.textModel(SCALE, BIAS), true);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ScoreImagesResponse r = score(h, "aesthetic", "builtin-technical");
      assertThat(r.getFailuresList()).singleElement().satisfies(f -> assertThat(f.getReason())
          .isEqualTo("aesthetic head laion@1 takes 768-d embeddings but siglip-vision@1 gives"
              + " 48-d (LAION's head needs CLIP ViT-L/14, 768-d; aesthetic v2.5 needs SigLIP"
              + " so400m, 1152-d)"));
    }
  }

  private ScoreImagesResponse score(ScoringHarness h, String... scorers) {
    return h.stub().scoreImages(ScoreImagesRequest.newBuilder()
        .addAllImages(images.stream().map(ScoringHarness::inline).toList())
        .setPrompt(PROMPT).addAllScorers(List.of(scorers)).build());
  }

  private static ModelInfo meta(ScoringHarness h, String name) {
    return h.stub().getModelMetadata(GetModelMetadataRequest.newBuilder().setName(name).build());
  }

  private static Score score(ImageScores scores, String scorer) {
    return scores.getScoresList().stream().filter(s -> s.getScorer().equals(scorer)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + scorer + " score in " + scores));
  }
}
