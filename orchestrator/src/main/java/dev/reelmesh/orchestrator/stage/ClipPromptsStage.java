package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.ClipPromptsReady;
import dev.reelmesh.v1.GenerateClipPromptsRequest;
import dev.reelmesh.v1.GenerateClipPromptsResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.VideoModelFamily;
import java.util.concurrent.TimeUnit;

/** 40%: one validated video prompt per clip, carried by the stream. */
final class ClipPromptsStage {
  static final String KEY = "clip-prompts";

  private ClipPromptsStage() {}

  static void run(JobContext ctx) {
    ClipPromptsReady known = ctx.memo().find(KEY, ClipPromptsReady.parser());
    if (known != null) {
      // Recorded by an earlier run, which already streamed them.
      ctx.prompts = known.getPrompts();
      ctx.promptsEngine = known.getEngine();
      return;
    }
    ClipPromptsReady ready = ctx.memo().remember(KEY, ClipPromptsReady.parser(), () -> {
      GenerateClipPromptsResponse response = LlmServiceGrpc.newBlockingStub(ctx.channels.llm())
          .withDeadlineAfter(3, TimeUnit.MINUTES)
          .generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
              .setPlan(ctx.plan)
              // The offline motion engine blends frames: concise prompts suit it best.
              .setTargetModel(VideoModelFamily.VIDEO_MODEL_FAMILY_SVD)
              .build());
      ctx.job.addCost(response.getCostList());
      return ClipPromptsReady.newBuilder().setPrompts(response.getPrompts())
          .setEngine(response.getEngine()).build();
    });
    ctx.prompts = ready.getPrompts();
    ctx.promptsEngine = ready.getEngine();
    if (ready.getEngine().getFallback()) {
      ctx.fallback(Stage.STAGE_CLIP_PROMPTS, 40, "llm", "clip prompts via "
          + ctx.spec.spec().getProviders().getLlm(), ready.getEngine().getEngine(),
          ready.getEngine().getFallbackReason(), -1);
    }
    ctx.job.event(Stage.STAGE_CLIP_PROMPTS, 40, ctx.prompts.getPromptsCount()
        + " clip prompts ready", e -> e.setClipPrompts(ready));
  }
}
