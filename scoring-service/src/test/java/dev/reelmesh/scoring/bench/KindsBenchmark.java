package dev.reelmesh.scoring.bench;

import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.clip.ClipPreprocessor;
import dev.reelmesh.scoring.clip.Embeddings;
import dev.reelmesh.scoring.image.ImageDecoder;
import dev.reelmesh.scoring.image.ImageLimits;
import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TestTokenizer;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.CheckClipRequest;
import dev.reelmesh.v1.ClipFrame;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.FramePosition;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoringServiceGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Images/second per model kind — clip (ViT-B/32-cost pair) and siglip (SigLIP-base/16-cost
 * pair, square bilinear preprocessing, sigmoid) — directly on the service's own ONNX sessions
 * against ScoreImages through the in-process API, interleaved; then CheckClip's cost per clip
 * (3 frames + storyboard) with the siglip pair and with no models (built-in thumbnails).
 */
public final class KindsBenchmark {
  static final String PROMPT = "a photo of a red kettle in warm morning light";
  static final int IMAGES = Integer.getInteger("scoring.bench.kinds.images", 8);

  public static void main(String[] args) throws Exception {
    List<byte[]> pngs = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      pngs.add(Images.png(Images.blurred(Images.detailed(512, 384, i), 1)));
    }
    System.out.printf(Locale.ROOT, "%d images 512x384 PNG per run, requests of 4, %d runs, %d"
        + " cores%n", IMAGES, ScoringBenchmark.RUNS, Runtime.getRuntime().availableProcessors());
    kind("clip", "clip-vision", "clip-text", BenchModels.visionVitB32Cost(), null, pngs);
    kind("siglip", "siglip-vision", "siglip-text", BenchModels.visionSiglipBaseCost(),
        BenchModels.siglipText(), pngs);
  }

  static void kind(String scorer, String visionName, String textName, byte[] vision, byte[] text,
      List<byte[]> pngs) throws Exception {
    Path dir = Files.createTempDirectory("scoring-kinds-bench");
    Path models = dir.resolve("models");
    if (text == null) {
      BenchModels.install(models, vision);
    } else {
      TinyModels.install(models, visionName, 1, "{\"kind\":\"siglip-vision\"}", vision, false);
      TinyModels.install(models, textName, 1, "{\"kind\":\"siglip-text\",\"logit_scale\":117.3,"
          + "\"logit_bias\":-12.9}", text, false);
      TestTokenizer.write(models.resolve(textName).resolve("tokenizer.json"), 64);
    }
    ScoringConfig config = ScoringConfig.defaults().withPollInterval(java.time.Duration.ZERO);
    try (ScoringHarness h = new ScoringHarness(dir, config)) {
      ModelRepository repo = h.runtime.repository();
      Providers.report(repo, visionName, textName);
      List<ImageSource> inline = pngs.stream().map(ScoringHarness::inline).toList();
      double[] m = ScoringBenchmark.interleaved(List.of(
          () -> direct(repo, visionName, textName, pngs),
          () -> api(h, scorer, inline)));
      System.out.printf(Locale.ROOT, "%s: direct %.2f images/s, API in-process %.2f images/s,"
          + " ratio %.3f%n", scorer, m[0], m[1], m[1] / m[0]);
      if (text != null) {
        clipCheck(h, pngs, "siglip pair");
      }
    }
    if (text != null) {
      Path empty = Files.createTempDirectory("scoring-kinds-bench-empty");
      try (ScoringHarness h = new ScoringHarness(empty, config)) {
        clipCheck(h, pngs, "no models (builtin-thumbnail)");
      }
    }
  }

  /** Decode, preprocess, encode (batch 4), the scorer's math: what the API does, minus gRPC. */
  static double direct(ModelRepository repo, String visionName, String textName,
      List<byte[]> pngs) {
    ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    long start = System.nanoTime();
    double sink = 0;
    for (int i = 0; i < pngs.size(); i += 4) {
      try (ModelLease v = repo.lease(visionName).orElseThrow();
          ModelLease t = repo.lease(textName).orElseThrow()) {
        List<float[]> pixels = new ArrayList<>();
        for (byte[] png : pngs.subList(i, i + 4)) {
          pixels.add(ClipPreprocessor.preprocess(decoder.decode("x", png),
              v.model().manifest().preprocess()));
        }
        float[] text = t.model().textEmbedding(PROMPT);
        for (float[] e : v.model().runVision(pixels)) {
          double cos = Embeddings.cosine(e, text);
          sink += t.model().logits() == null ? cos : t.model().logits().probability(cos);
        }
      }
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("NaN score");
    }
    return pngs.size() / ((System.nanoTime() - start) / 1e9);
  }

  static double api(ScoringHarness h, String scorer, List<ImageSource> images) {
    var stub = ScoringServiceGrpc.newBlockingStub(h.server.channel());
    long start = System.nanoTime();
    for (int i = 0; i < images.size(); i += 4) {
      if (stub.scoreImages(ScoreImagesRequest.newBuilder().setPrompt(PROMPT).addScorers(scorer)
          .addAllImages(images.subList(i, i + 4)).build()).getResultsCount() != 4) {
        throw new IllegalStateException("short answer");
      }
    }
    return images.size() / ((System.nanoTime() - start) / 1e9);
  }

  /** Median milliseconds of CheckClip on 3 frames + a storyboard frame, in-process. */
  static void clipCheck(ScoringHarness h, List<byte[]> pngs, String what) throws Exception {
    var stub = ScoringServiceGrpc.newBlockingStub(h.server.channel());
    CheckClipRequest request = CheckClipRequest.newBuilder()
        .addFrames(frame(pngs.get(0), FramePosition.FRAME_POSITION_START))
        .addFrames(frame(pngs.get(1), FramePosition.FRAME_POSITION_MIDDLE))
        .addFrames(frame(pngs.get(2), FramePosition.FRAME_POSITION_END))
        .setPrompt(PROMPT).setStoryboardFrame(ScoringHarness.inline(pngs.get(3))).build();
    // Reported as "clips/s" by the shared median helper; printed as ms per clip.
    double perSecond = ScoringBenchmark.median(() -> {
      long start = System.nanoTime();
      if (stub.checkClip(request).getVerdict() == ClipVerdict.CLIP_VERDICT_UNSPECIFIED) {
        throw new IllegalStateException("no verdict");
      }
      return 1 / ((System.nanoTime() - start) / 1e9);
    });
    System.out.printf(Locale.ROOT, "CheckClip, %s: %.1f ms per clip (3 frames + storyboard)%n",
        what, 1000 / perSecond);
  }

  static ClipFrame frame(byte[] png, FramePosition position) {
    return ClipFrame.newBuilder().setImage(ScoringHarness.inline(png)).setPosition(position)
        .build();
  }
}
