package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.ClipPrompts;
import dev.reelmesh.v1.ClipPromptsReady;
import dev.reelmesh.v1.GenerateClipPromptsRequest;
import dev.reelmesh.v1.GenerateClipPromptsResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.ReferenceImage;
import dev.reelmesh.v1.VideoModelFamily;
import java.util.concurrent.TimeUnit;

/** The clip prompts stage: one validated video prompt per clip, carried by the stream. */
final class ClipPromptsStage {
  static final String KEY = "clip-prompts";

  private ClipPromptsStage() {}

  /**
   * The user's reference as the prompt generator sees it: an artifact (no public URL), so the
   * prompts get reference-aware wording and a reference mode while URL fields stay empty.
   */
  static java.util.List<ReferenceImage> references(JobContext ctx) {
    if (ctx.referenceRef == null) {
      return java.util.List.of();
    }
    ReferenceImage.Builder image = ReferenceImage.newBuilder().setArtifact(ctx.referenceRef);
    switch (ctx.spec.spec().getReferences(0).getRole()) {
      case REFERENCE_ROLE_CHARACTER -> {
        if (ctx.plan.getCharactersCount() == 0) {
          return java.util.List.of();
        }
        image.setKind(ReferenceImage.Kind.KIND_CHARACTER)
            .setTargetId(ctx.plan.getCharacters(0).getId());
      }
      case REFERENCE_ROLE_SCENE -> {
        if (ctx.plan.getLocationsCount() == 0) {
          return java.util.List.of();
        }
        image.setKind(ReferenceImage.Kind.KIND_SCENE).setTargetId(ctx.plan.getLocations(0).getId());
      }
      default -> image.setKind(ReferenceImage.Kind.KIND_PRODUCT);
    }
    return java.util.List.of(image.build());
  }

  /** The memo key of prompt set {@code generation}; the first keeps the original key. */
  static String key(int generation) {
    return generation == 0 ? KEY : KEY + "-g" + generation;
  }

  static void run(JobContext ctx) {
    int generation = ctx.generations.prompts();
    ClipPromptsReady known = ctx.memo().find(key(generation), ClipPromptsReady.parser());
    if (known != null) {
      // Recorded by an earlier run, which already streamed them.
      ctx.prompts = known.getPrompts();
      ctx.promptsEngine = known.getEngine();
      return;
    }
    ClipPromptsReady ready = ctx.spend.llm("clip_prompts",
        "GenerateClipPrompts", options -> generate(ctx, options),
        GenerateClipPromptsResponse::getCostList, key(generation),
        response -> record(ctx, generation, response));
    ctx.prompts = ready.getPrompts();
    ctx.promptsEngine = ready.getEngine();
    if (ready.getEngine().getFallback()) {
      ctx.fallback("llm", "clip prompts via " + ctx.llmChoice(), ready.getEngine().getEngine(),
          ready.getEngine().getFallbackReason(), -1);
    }
    ctx.progress(1, ctx.prompts.getPromptsCount()
        + " clip prompts ready", e -> e.setClipPrompts(ready));
  }

  /** The step record of a response: for a regeneration, merged with the previous set. */
  private static ClipPromptsReady record(JobContext ctx, int generation,
      GenerateClipPromptsResponse response) {
    ClipPromptsReady fresh = ClipPromptsReady.newBuilder().setPrompts(response.getPrompts())
        .setEngine(response.getEngine()).build();
    return generation == 0 ? fresh : revise(ctx, generation, fresh);
  }

  private static GenerateClipPromptsResponse generate(JobContext ctx,
      dev.reelmesh.v1.LlmCallOptions options) {
    return LlmServiceGrpc.newBlockingStub(ctx.channels.llm())
        .withDeadlineAfter(3, TimeUnit.MINUTES)
        .generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
            .setPlan(ctx.plan)
            .addAllReferences(references(ctx))
            .setOptions(options)
            // The offline motion engine blends frames: concise prompts suit it best.
            .setTargetModel(VideoModelFamily.VIDEO_MODEL_FAMILY_SVD)
            .build());
  }

  /**
   * A reworded regeneration: the clips it names take their new prompts; every other clip keeps
   * the prompt it was rendered from, as do the shared keywords and negative prompt (the style
   * did not change).
   */
  private static ClipPromptsReady revise(JobContext ctx, int generation, ClipPromptsReady fresh) {
    ClipPromptsReady previous = ctx.memo().find(key(generation - 1), ClipPromptsReady.parser());
    if (previous == null) {
      return fresh;
    }
    ClipPrompts.Builder merged = previous.getPrompts().toBuilder();
    for (int clip : ctx.generations.revisedClips(generation)) {
      merged.setPrompts(clip, fresh.getPrompts().getPrompts(clip));
    }
    return ClipPromptsReady.newBuilder().setPrompts(merged).setEngine(fresh.getEngine()).build();
  }
}
