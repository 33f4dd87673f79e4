package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.BestFrameChosen;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.FrameVariation;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.RankedVariation;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * For each clip a start and an end frame. Per frame: enhance the prompt, generate N
 * variations, score and rank them, keep the best. Frames chain for consistency: the first start
 * frame uses the reference, later start frames the reference and the previous frame, an end frame
 * the reference and its own start frame. A failure degrades that frame and never aborts the
 * storyboard.
 */
final class StoryboardStage {
  private StoryboardStage() {}

  static void run(JobContext ctx) {
    int clips = ctx.plan.getClipsCount();
    int total = clips * 2;
    ctx.progress(0, "storyboard: " + total + " frames × "
        + ctx.spec.spec().getVariations() + " variations");
    Path previous = null;
    for (int i = 0; i < clips; i++) {
      ctx.checkCancelled();
      FrameResult start = frame(ctx, i, FrameKind.FRAME_KIND_START, previous, 2 * i, total);
      Path startPath = chosenPath(ctx, start);
      FrameResult end = frame(ctx, i, FrameKind.FRAME_KIND_END, startPath, 2 * i + 1, total);
      ctx.frames.add(start);
      ctx.frames.add(end);
      previous = chosenPath(ctx, end);
    }
  }

  static Path chosenPath(JobContext ctx, FrameResult frame) {
    return ctx.artifacts.resolve("frame", frame.getVariations(frame.getChosen()).getImage()
        .getUri());
  }

  private static String key(JobContext ctx, int clip, FrameKind kind) {
    return "frame-" + clip + "-" + (kind == FrameKind.FRAME_KIND_END ? "end" : "start") + "-g"
        + ctx.generations.frames(clip);
  }

  private static FrameResult frame(JobContext ctx, int clip, FrameKind kind, Path previous,
      int done, int total) {
    String key = key(ctx, clip, kind);
    FrameResult known = ctx.memo().find(key, FrameResult.parser());
    if (known != null) {
      return known;
    }
    // Everything this frame reports is placed where the storyboard will be once it is done.
    ctx.reach((done + 1.0) / total);
    String label = "clip " + (clip + 1) + " "
        + (kind == FrameKind.FRAME_KIND_END ? "end" : "start");
    String prompt = FramePrompts.enhance(ctx, clip, kind,
        FramePrompts.initial(ctx.plan, clip, kind));
    List<Path> images = generate(ctx, clip, kind, prompt, previous, label);
    PlaceholderSubjects.check(ctx, clip, kind,
        ctx.file("frames/g" + ctx.generations.frames(clip)));
    List<ArtifactRef> refs = new ArrayList<>();
    for (Path image : images) {
      refs.add(ctx.artifacts.describe(image, "image/png"));
    }
    FrameResult result = rank(ctx, clip, kind, prompt, refs, label);
    ctx.memo().put(key, result);
    FrameVariation best = result.getVariations(result.getChosen());
    ctx.event(label + ": " + refs.size()
        + " variations scored", e -> e.setFrameVariations(result));
    ctx.event(String.format("%s: variation %d chosen (%.1f)",
        label, best.getVariation(), best.getOverall()), e -> e.setBestFrame(
            BestFrameChosen.newBuilder().setClipIndex(clip).setFrame(kind)
                .setVariation(best.getVariation()).setImage(best.getImage())
                .setOverall(best.getOverall())));
    if (best.getBelowThreshold()) {
      ctx.warn("below_quality_threshold", String.format(
          "%s: best variation scores %.1f, below the quality threshold", label,
          best.getOverall()));
    }
    return result;
  }

  /** Generates the variations; retries once, then marks the clip failed with a title card. */
  private static List<Path> generate(JobContext ctx, int clip, FrameKind kind, String prompt,
      Path previous, String label) {
    List<Path> anchors = new ArrayList<>();
    if (ctx.reference != null) {
      anchors.add(ctx.reference);
    }
    if (previous != null) {
      anchors.add(previous);
    }
    ImageRequest request = new ImageRequest(prompt, ctx.plan, clip, kind,
        ctx.spec.spec().getVariations(), ctx.spec.frameSize(),
        ctx.spec.seed() + 7919L * ctx.generations.frames(clip), ctx.reference, anchors,
        ctx.file("frames/g" + ctx.generations.frames(clip)));
    Exception last = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      ctx.checkCancelled();
      try {
        return ctx.providers.image().generate(request);
      } catch (BudgetExceeded e) {
        throw e; // not an image failure: a placeholder would not make the job affordable
      } catch (StatusRuntimeException e) {
        if (ctx.job.cancelRequested()) {
          throw e;
        }
        last = e;
      } catch (Exception e) {
        last = e;
      }
      if (attempt == 1) {
        ctx.warn("image_retry", label
            + ": image generation failed (" + last.getMessage() + "), retrying once");
      }
    }
    ctx.fallback("image", ctx.providers.image().name(),
        "title card", label + ": generation failed twice (" + last.getMessage()
            + "); clip marked failed", clip);
    return List.of(TitleCard.write(ctx.spec.frameSize(), ctx.plan, clip, kind,
        ctx.file("frames/g" + ctx.generations.frames(clip) + "/failed-clip" + clip + "-"
            + (kind == FrameKind.FRAME_KIND_END ? "end" : "start") + ".png")));
  }

  private static FrameResult rank(JobContext ctx, int clip, FrameKind kind, String prompt,
      List<ArtifactRef> refs, String label) {
    FrameResult.Builder result = FrameResult.newBuilder().setClipIndex(clip).setFrame(kind)
        .setPrompt(prompt)
        .setImageEngine(EngineInfo.newBuilder().setEngine(ctx.providers.image().name()));
    RankVariationsRequest.Builder request = RankVariationsRequest.newBuilder().setPrompt(prompt);
    refs.forEach(ref -> request.addImages(ImageSource.newBuilder().setArtifact(ref)));
    try {
      long started = System.nanoTime();
      RankVariationsResponse ranked = ScoringServiceGrpc.newBlockingStub(ctx.channels.scoring())
          .withDeadlineAfter(2, TimeUnit.MINUTES)
          .rankVariations(request.build());
      for (int v = 0; v < refs.size(); v++) {
        result.addVariations(FrameVariation.newBuilder().setVariation(v).setImage(refs.get(v)));
      }
      for (RankedVariation r : ranked.getRankedList()) {
        result.getVariationsBuilder(r.getImageIndex()).setRank(r.getRank())
            .setOverall(r.getOverall()).addAllScores(r.getScoresList())
            .setBelowThreshold(r.getBelowThreshold());
      }
      result.setChosen(ranked.getBestIndex());
      result.setScoringEngine(scoringEngine(ranked, (System.nanoTime() - started) / 1e6));
      ranked.getFailuresList().forEach(f -> ctx.fallback(
          "scoring", f.getScorer(), "the other scorers", label + ": " + f.getReason(), clip));
      ctx.engines.put("scoring", result.getScoringEngine());
    } catch (StatusRuntimeException e) {
      if (ctx.job.cancelRequested()) {
        throw e;
      }
      result.clearVariations();
      for (int v = 0; v < refs.size(); v++) {
        result.addVariations(FrameVariation.newBuilder().setVariation(v).setImage(refs.get(v))
            .setRank(v + 1));
      }
      result.setChosen(0).setScoringEngine(EngineInfo.newBuilder().setEngine("none")
          .setFallback(true).setFallbackReason(e.getStatus().toString()));
      ctx.fallback("scoring", "ScoringService.RankVariations",
          "first image", label + ": scoring failed (" + e.getStatus().getCode() + ": "
              + e.getStatus().getDescription() + ")", clip);
    }
    return result.build();
  }

  private static EngineInfo scoringEngine(RankVariationsResponse ranked, double elapsedMs) {
    EngineInfo.Builder engine = EngineInfo.newBuilder().setElapsedMs(elapsedMs);
    List<String> models = new ArrayList<>();
    if (ranked.getRankedCount() > 0) {
      ranked.getRanked(0).getScoresList().forEach(s -> models.add(s.getVersion() > 0
          ? s.getModel() + "@" + s.getVersion() : s.getModel().isEmpty() ? s.getScorer()
          : s.getModel()));
    }
    boolean builtinOnly = models.stream().allMatch(m -> m.startsWith("builtin"));
    return engine.setEngine(builtinOnly ? "builtin-technical" : "onnx")
        .setModel(String.join(", ", models)).build();
  }
}
