package dev.reelmesh.scoring;

import static dev.reelmesh.scoring.testing.ScoringHarness.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.RankedVariation;
import dev.reelmesh.v1.Score;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import io.grpc.Status.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storyboard path with an empty model repository: built-in technical quality only. */
class ScoringServiceTest {
  @TempDir Path dir;
  ScoringHarness harness;
  final RgbImage sharp = Images.detailed(96, 64, 7);
  final RgbImage blurred = Images.blurred(sharp, 3);
  final RgbImage grey = Images.solid(96, 64, 0x808080);

  @BeforeEach
  void start() {
    harness = new ScoringHarness(dir, ScoringHarness.config());
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void ranksWithBuiltinTechnicalAndSaysSoWhenNoModelIsInstalled() {
    RankVariationsResponse r = harness.stub().rankVariations(RankVariationsRequest.newBuilder()
        .addImages(inline(grey)).addImages(inline(blurred)).addImages(inline(sharp))
        .setPrompt("a red kettle").build());

    assertThat(r.getRankedList()).extracting(RankedVariation::getImageIndex).containsExactly(2, 1, 0);
    assertThat(r.getRankedList()).extracting(RankedVariation::getRank).containsExactly(1, 2, 3);
    assertThat(r.getBestIndex()).isEqualTo(2);
    assertThat(r.getWeightsUsedMap()).containsExactly(java.util.Map.entry("builtin-technical", 1.0));
    for (RankedVariation v : r.getRankedList()) {
      assertThat(v.getScoresList()).singleElement().satisfies(s -> {
        assertThat(s.getScorer()).isEqualTo("builtin-technical");
        assertThat(s.getModel()).isEqualTo("builtin-technical");
        assertThat(s.getVersion()).isZero();
      });
      // One scorer with weight 1: the overall is its value.
      assertThat(v.getOverall()).isCloseTo(v.getScores(0).getValue(), within(1e-9));
      assertThat(v.getBelowThreshold()).isEqualTo(v.getOverall() < 30);
    }
    assertThat(r.getRanked(2).getBelowThreshold()).isTrue(); // flat grey has no detail at all
    assertThat(r.getWarningsList()).anySatisfy(w -> assertThat(w)
        .contains("not scored with").contains("clip").contains("aesthetic").contains("pickscore"));
    assertThat(r.getFailuresList()).isEmpty();
  }

  @Test
  void warnsWhenEvenTheBestIsBelowTheThreshold() {
    RankVariationsResponse r = harness.stub().rankVariations(RankVariationsRequest.newBuilder()
        .addImages(inline(grey)).setQualityThreshold(95).build());
    assertThat(r.getRanked(0).getBelowThreshold()).isTrue();
    assertThat(r.getWarningsList()).anySatisfy(w ->
        assertThat(w).matches("best overall \\d+\\.\\d is below the quality threshold 95\\.0"));
  }

  @Test
  void breaksTiesByLowerIndex() {
    RankVariationsResponse r = harness.stub().rankVariations(RankVariationsRequest.newBuilder()
        .addImages(inline(sharp)).addImages(inline(grey)).addImages(inline(sharp)).build());
    assertThat(r.getRankedList()).extracting(RankedVariation::getImageIndex).containsExactly(0, 2, 1);
    assertThat(r.getRanked(0).getOverall()).isEqualTo(r.getRanked(1).getOverall());
  }

  @Test
  void readsArtifactsUnderTheArtifactRootAndReportsSizes() throws Exception {
    Path root = harness.settings.artifactRoot();
    Files.createDirectories(root.resolve("jobs/1"));
    Files.write(root.resolve("jobs/1/frame.png"), Images.png(sharp));
    ScoreImagesResponse r = harness.stub().scoreImages(ScoreImagesRequest.newBuilder()
        .addImages(ImageSource.newBuilder().setArtifact(
            ArtifactRef.newBuilder().setUri("jobs/1/frame.png")))
        .addImages(inline(Images.jpeg(blurred))).build());
    assertThat(r.getResultsList()).hasSize(2);
    assertThat(r.getResults(0).getWidth()).isEqualTo(96);
    assertThat(r.getResults(0).getHeight()).isEqualTo(64);
    assertThat(r.getResults(0).getScores(0).getValue())
        .isGreaterThan(r.getResults(1).getScores(0).getValue());
  }

  @Test
  void scoresWebpLikeThePngItWasMadeFrom() {
    byte[] png = Images.fixture("source.png");
    byte[] lossless = Images.fixture("lossless.webp");
    byte[] lossy = Images.fixture("lossy.webp");
    ScoreImagesResponse r = harness.stub().scoreImages(ScoreImagesRequest.newBuilder()
        .addImages(inline(png)).addImages(inline(lossless)).addImages(inline(lossy)).build());
    double fromPng = r.getResults(0).getScores(0).getValue();
    assertThat(r.getResults(1).getWidth()).isEqualTo(96);
    assertThat(r.getResults(1).getHeight()).isEqualTo(64);
    assertThat(r.getResults(1).getScores(0).getValue()).isEqualTo(fromPng);
    assertThat(r.getResults(2).getScores(0).getValue()).isCloseTo(fromPng, within(15.0));
  }

  @Test
  void requestedModelScorerWithoutModelIsAFailureAndTheOthersStillRank() {
    RankVariationsResponse r = harness.stub().rankVariations(RankVariationsRequest.newBuilder()
        .addImages(inline(sharp)).addImages(inline(blurred)).setPrompt("a cat")
        .addScorers("clip").addScorers("builtin-technical").build());
    assertThat(r.getFailuresList()).singleElement().satisfies(f -> {
      assertThat(f.getScorer()).isEqualTo("clip");
      assertThat(f.getReason()).contains("no clip model serves");
    });
    assertThat(r.getBestIndex()).isZero();
    assertThat(r.getWarningsList()).anySatisfy(w -> assertThat(w).contains("scored without clip"));
    assertThat(r.getRanked(0).getScoresList()).extracting(Score::getScorer)
        .containsExactly("builtin-technical");
  }

  @Test
  void onlyUnavailableScorersRequestedIsFailedPrecondition() {
    assertStatus(() -> harness.stub().rankVariations(RankVariationsRequest.newBuilder()
        .addImages(inline(sharp)).setPrompt("a cat").addScorers("clip").build()),
        Code.FAILED_PRECONDITION, "no scorer could run: clip");
  }

  @Test
  void refusesBadRequestsPreciselyAndKeepsServing() throws Exception {
    Path outside = dir.resolve("outside.png");
    Files.write(outside, Images.png(sharp));
    byte[] png = Images.png(sharp);
    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes();

    assertRank(RankVariationsRequest.newBuilder(), Code.INVALID_ARGUMENT, "images: no images");
    RankVariationsRequest.Builder many = RankVariationsRequest.newBuilder();
    Collections.nCopies(65, inline(grey)).forEach(many::addImages);
    assertRank(many, Code.INVALID_ARGUMENT, "65 images given; at most 64");
    assertRank(one().putWeights("clip", Double.NaN), Code.INVALID_ARGUMENT, "weights[clip]");
    assertRank(one().putWeights("aesthetic", -1), Code.INVALID_ARGUMENT,
        "weights[aesthetic]: must be in [0, 1000000.0]");
    // 1e308 × a score overflows to infinity (every overall 0, yet OK): bounded instead.
    assertRank(one().putWeights("builtin-technical", 1e308), Code.INVALID_ARGUMENT,
        "weights[builtin-technical]: must be in [0, 1000000.0] (weights are relative), got 1.0E308");
    assertRank(one().putWeights("clip", Double.POSITIVE_INFINITY), Code.INVALID_ARGUMENT,
        "weights[clip]");
    assertRank(one().putWeights("sharpness", 1), Code.INVALID_ARGUMENT, "unknown scorer 'sharpness'");
    assertRank(one().putWeights("builtin-technical", 0), Code.INVALID_ARGUMENT, "all have weight 0");
    assertRank(one().setQualityThreshold(101), Code.INVALID_ARGUMENT, "quality_threshold");
    assertRank(one().setQualityThreshold(Double.NaN), Code.INVALID_ARGUMENT, "quality_threshold");
    assertRank(one().addScorers("clip"), Code.INVALID_ARGUMENT, "prompt: empty");
    assertRank(one().addScorers("vibes"), Code.INVALID_ARGUMENT, "scorers[0]: unknown scorer");
    assertRank(with(inline("hello".getBytes())), Code.INVALID_ARGUMENT,
        "images[0]: not a PNG, JPEG or WebP image (first bytes 68656c6c6f)");
    assertRank(with(inline(new byte[0])), Code.INVALID_ARGUMENT, "images[0]: image is empty");
    assertRank(with(inline(truncated)), Code.INVALID_ARGUMENT, "images[0]: cannot decode");
    assertRank(with(inline(webp)), Code.INVALID_ARGUMENT, "images[0]: cannot decode");
    assertRank(with(inline(Images.pngHeaderOnly(0, 0))), Code.INVALID_ARGUMENT, "images[0]");
    assertRank(with(inline(Images.pngHeaderOnly(30_000, 30_000))), Code.INVALID_ARGUMENT,
        "30000x30000 (900000000 pixels)");
    assertRank(with(inline(new byte[9 << 20])), Code.INVALID_ARGUMENT, "at most 8388608");
    assertRank(with(ImageSource.getDefaultInstance()), Code.INVALID_ARGUMENT, "no image given");
    assertRank(with(ImageSource.newBuilder().setUrl("http://example.com/a.png").build()),
        Code.FAILED_PRECONDITION, "images[0].url: fetching images by URL is off");
    assertRank(with(artifact(outside.toString())), Code.INVALID_ARGUMENT, "outside the artifact root");
    assertRank(with(artifact("../x.png")), Code.INVALID_ARGUMENT, "outside the artifact root");
    assertRank(with(artifact("jobs/missing.png")), Code.NOT_FOUND, "images[0]: no artifact");

    // Still serving after all of that.
    assertThat(harness.stub().rankVariations(one().build()).getRankedCount()).isEqualTo(1);
  }

  @Test
  void theLargestWeightsStillRankFinitely() {
    RankVariationsResponse r = harness.stub().rankVariations(one().addImages(inline(blurred))
        .putWeights("builtin-technical", 1e6).putWeights("clip", 1e6).putWeights("aesthetic", 1e6)
        .putWeights("pickscore", 1e6).build());
    assertThat(r.getWeightsUsedMap()).containsExactly(java.util.Map.entry("builtin-technical", 1.0));
    assertThat(r.getRanked(0).getOverall()).isEqualTo(r.getRanked(0).getScores(0).getValue())
        .isPositive();
  }

  @Test
  void sixteenBitGreyScoresLikeItsEightBitTwin() throws Exception {
    java.awt.image.BufferedImage eight = new java.awt.image.BufferedImage(96, 64,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    java.awt.image.BufferedImage sixteen = new java.awt.image.BufferedImage(96, 64,
        java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 96; x++) {
        int v = sharp.green(x, y);
        eight.getRaster().setSample(x, y, 0, v);
        sixteen.getRaster().setSample(x, y, 0, v * 257);
      }
    }
    ScoreImagesResponse r = harness.stub().scoreImages(ScoreImagesRequest.newBuilder()
        .addImages(inline(encode(eight))).addImages(inline(encode(sixteen))).build());
    assertThat(r.getResults(1).getScores(0).getValue())
        .isEqualTo(r.getResults(0).getScores(0).getValue());
  }

  private static byte[] encode(java.awt.image.BufferedImage image) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void modelRpcsOnAnEmptyRepository() {
    assertThat(harness.stub().listModels(ListModelsRequest.getDefaultInstance()))
        .satisfies(r -> {
          assertThat(r.getModelsList()).isEmpty();
          assertThat(r.getRepositoryPath()).isEqualTo(harness.settings.modelsDir().toString());
        });
    assertStatus(() -> harness.stub().getModelMetadata(
        GetModelMetadataRequest.newBuilder().setName("clip-vit-b32").build()),
        Code.NOT_FOUND, "no model 'clip-vit-b32'");
    assertStatus(() -> harness.stub().getModelMetadata(GetModelMetadataRequest.getDefaultInstance()),
        Code.INVALID_ARGUMENT, "name: model name is empty");
    assertStatus(() -> harness.stub().loadModel(
        LoadModelRequest.newBuilder().setName("x").setVersion(-2).build()),
        Code.INVALID_ARGUMENT, "version: must be >= 0");
  }

  private RankVariationsRequest.Builder one() {
    return with(inline(sharp));
  }

  private static RankVariationsRequest.Builder with(ImageSource image) {
    return RankVariationsRequest.newBuilder().addImages(image);
  }

  private static ImageSource artifact(String uri) {
    return ImageSource.newBuilder().setArtifact(ArtifactRef.newBuilder().setUri(uri)).build();
  }

  private void assertRank(RankVariationsRequest.Builder request, Code code, String message) {
    assertStatus(() -> harness.stub().rankVariations(request.build()), code, message);
  }
}
