package dev.reelmesh.scoring.clipcheck;

import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static dev.reelmesh.scoring.testing.ScoringHarness.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.Reference;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.CheckClipRequest;
import dev.reelmesh.v1.CheckClipResponse;
import dev.reelmesh.v1.ClipFrame;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.FrameCheck;
import dev.reelmesh.v1.FramePosition;
import dev.reelmesh.v1.ScoreImagesRequest;
import io.grpc.Status.Code;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CheckClip: frames against the prompt and the storyboard frame, a verdict with reasons. */
class ClipCheckTest {
  static final String PROMPT = "a photo of a red kettle";
  @TempDir Path dir;

  @Test
  void offlineItComparesWithTheStoryboardByThumbnailsAndSaysSo() {
    RgbImage storyboard = Images.solid(32, 18, 0x808080);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      CheckClipResponse r = h.stub().checkClip(CheckClipRequest.newBuilder()
          .addFrames(frame(storyboard, FramePosition.FRAME_POSITION_START))
          .addFrames(frame(Images.solid(64, 36, 0x707070), FramePosition.FRAME_POSITION_MIDDLE))
          .addFrames(frame(Images.solid(32, 18, 0x000000), FramePosition.FRAME_POSITION_END))
          .setPrompt(PROMPT).setStoryboardFrame(inline(storyboard)).setThreshold(60).build());
      assertThat(r.getVerdict()).isEqualTo(ClipVerdict.CLIP_VERDICT_FLAGGED);
      assertThat(r.getBuiltinFallback()).isTrue();
      assertThat(r.getWarningsList()).anySatisfy(w -> assertThat(w)
          .startsWith("prompt not checked: no siglip model serves"));
      assertThat(r.getWarningsList()).anySatisfy(w -> assertThat(w)
          .startsWith("storyboard similarity by builtin-thumbnail (colour layout only)"));
      // Flat greys: similarity is 100 × (1 − |Δ| / 255) exactly.
      assertThat(r.getFramesList()).extracting(FrameCheck::getStoryboardSimilarity)
          .containsExactly(100.0, 100 * (1 - 16 / 255.0), 100 * (1 - 128 / 255.0));
      FrameCheck end = r.getFrames(2);
      assertThat(end.getPromptMatch()).isEqualTo(-1);
      assertThat(end.getSimilarityMethod()).isEqualTo("builtin-thumbnail");
      assertThat(end.getBelowThreshold()).isTrue();
      assertThat(r.getFrames(1).getBelowThreshold()).isFalse();
      assertThat(r.getScore()).isCloseTo(100 * (1 - 128 / 255.0), within(1e-9));
      assertThat(r.getReasonsList()).containsExactly(
          "end frame 2: match 49.8 < 60.0 (storyboard 49.8 by builtin-thumbnail)");
    }
  }

  @Test
  void withModelsThePromptMatchIsTheClipScoreAndSimilarityTheEmbeddingCosine() {
    TinyModels models = new TinyModels(42);
    models.installPairAndHead(dir.resolve("models"), 1);
    List<RgbImage> frames = List.of(Images.detailed(8, 8, 1), Images.detailed(8, 8, 2));
    RgbImage storyboard = Images.detailed(8, 8, 1);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      CheckClipResponse r = h.stub().checkClip(CheckClipRequest.newBuilder()
          .addFrames(frame(frames.get(0), FramePosition.FRAME_POSITION_START))
          .addFrames(frame(frames.get(1), FramePosition.FRAME_POSITION_END))
          .setPrompt(PROMPT).setStoryboardFrame(inline(storyboard)).build());
      var scores = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addImages(inline(frames.get(0))).addImages(inline(frames.get(1))).setPrompt(PROMPT)
          .addScorers("clip").build());
      assertThat(r.getBuiltinFallback()).isFalse();
      assertThat(r.getWarningsList()).isEmpty();
      double[] board = models.imageEmbedding(Reference.clipPixels(storyboard));
      for (int i = 0; i < 2; i++) {
        FrameCheck f = r.getFrames(i);
        assertThat(f.getPromptMatch()).isEqualTo(scores.getResults(i).getScores(0).getValue());
        assertThat(f.getPromptScorer()).isEqualTo("clip: clip-vision@1+clip-text@1");
        double cos = Reference.cosine(
            models.imageEmbedding(Reference.clipPixels(frames.get(i))), board);
        assertThat(f.getStoryboardSimilarity()).isCloseTo(100 * Math.max(0, cos), within(1e-3));
        assertThat(f.getSimilarityMethod()).isEqualTo("embedding cosine: clip-vision@1");
        assertThat(f.getMatch()).isCloseTo(
            (f.getPromptMatch() + f.getStoryboardSimilarity()) / 2, within(1e-9));
      }
      assertThat(r.getFrames(0).getStoryboardSimilarity()).isCloseTo(100, within(1e-3));
      assertThat(r.getThreshold()).isEqualTo(25);
      assertThat(r.getVerdict()).isEqualTo(r.getReasonsCount() > 0
          ? ClipVerdict.CLIP_VERDICT_FLAGGED : ClipVerdict.CLIP_VERDICT_PASS);
    }
  }

  @Test
  void badRequestsAreRefusedNamingTheFieldAndTheServiceKeepsServing() {
    ClipFrame ok = frame(Images.detailed(8, 8, 1), FramePosition.FRAME_POSITION_START);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      CheckClipRequest.Builder base = CheckClipRequest.newBuilder().setPrompt(PROMPT)
          .setStoryboardFrame(inline(Images.detailed(8, 8, 1)));
      assertStatus(() -> h.stub().checkClip(base.build()), Code.INVALID_ARGUMENT,
          "frames: 0 frames given; send 1 to 8");
      CheckClipRequest.Builder nine = base.clone();
      for (int i = 0; i < 9; i++) {
        nine.addFrames(ok);
      }
      assertStatus(() -> h.stub().checkClip(nine.build()), Code.INVALID_ARGUMENT, "frames: 9");
      assertStatus(() -> h.stub().checkClip(base.clone().addFrames(ok)
          .addFrames(ok.toBuilder().setPositionValue(99)).build()), Code.INVALID_ARGUMENT,
          "frames[1].position: unknown value 99");
      assertStatus(() -> h.stub().checkClip(base.clone().addFrames(ok)
          .addFrames(ClipFrame.getDefaultInstance()).build()), Code.INVALID_ARGUMENT,
          "frames[1].image: no image given");
      assertStatus(() -> h.stub().checkClip(CheckClipRequest.newBuilder().addFrames(ok).build()),
          Code.INVALID_ARGUMENT, "prompt: empty and no storyboard_frame");
      assertStatus(() -> h.stub().checkClip(base.clone().addFrames(ok).setThreshold(101).build()),
          Code.INVALID_ARGUMENT, "threshold: must be in [0, 100]");
      assertStatus(() -> h.stub().checkClip(base.clone().addFrames(ok)
          .setStoryboardFrame(inline("x".getBytes())).build()), Code.INVALID_ARGUMENT,
          "storyboard_frame: not a PNG, JPEG or WebP");
      // Only a prompt, and no text scorer installed: nothing can judge the clip.
      assertStatus(() -> h.stub().checkClip(CheckClipRequest.newBuilder().addFrames(ok)
          .setPrompt(PROMPT).build()), Code.FAILED_PRECONDITION,
          "nothing could check the clip: prompt not checked");
      assertThat(h.stub().checkClip(base.clone().addFrames(ok).build()).getVerdict())
          .isEqualTo(ClipVerdict.CLIP_VERDICT_PASS);
    }
  }

  static ClipFrame frame(RgbImage image, FramePosition position) {
    return ClipFrame.newBuilder().setImage(inline(image)).setPosition(position).build();
  }
}
