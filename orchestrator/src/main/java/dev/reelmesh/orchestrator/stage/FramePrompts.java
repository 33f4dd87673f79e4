package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.EnhancePromptRequest;
import dev.reelmesh.v1.EnhancePromptResponse;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.GlobalStyle;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.Stage;
import com.google.protobuf.StringValue;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;

/** The image prompt of one storyboard frame, and its enhancement through the LLM service. */
final class FramePrompts {
  private FramePrompts() {}

  static String initial(ScenePlan plan, int index, FrameKind kind) {
    PlannedClip clip = plan.getClips(index);
    GlobalStyle style = plan.getStyle();
    StringBuilder prompt = new StringBuilder(clip.getVisualDescription());
    if (kind == FrameKind.FRAME_KIND_END && !clip.getMotion().isBlank()) {
      prompt.append(", at the end of the shot: ").append(clip.getMotion());
    }
    append(prompt, style.getVisualStyle());
    append(prompt, style.getMood());
    append(prompt, style.getLighting());
    return prompt.toString();
  }

  private static void append(StringBuilder prompt, String part) {
    if (!part.isBlank()) {
      prompt.append(", ").append(part);
    }
  }

  /**
   * The writer/critic loop when the job asks for it (enhancement_rounds > 0). A failure keeps
   * the original prompt and says so.
   */
  static String enhance(JobContext ctx, int clip, FrameKind kind, String prompt) {
    int rounds = ctx.spec.spec().getEnhancementRounds();
    if (rounds == 0) {
      return prompt;
    }
    String key = "enhance-" + clip + "-" + (kind == FrameKind.FRAME_KIND_END ? "end" : "start")
        + "-g" + ctx.generations.frames(clip);
    StringValue known = ctx.memo().find(key, StringValue.parser());
    if (known != null) {
      return known.getValue();
    }
    try {
      return ctx.spend.llm("storyboard", "EnhancePrompt",
          options -> LlmServiceGrpc.newBlockingStub(ctx.channels.llm())
          .withDeadlineAfter(3, TimeUnit.MINUTES)
          .enhancePrompt(EnhancePromptRequest.newBuilder()
              .setPrompt(prompt)
              .setStyle(ctx.plan.getStyle())
              .setMaxRounds(rounds)
              .setHasReference(ctx.reference != null)
              .setFrameRole(kind == FrameKind.FRAME_KIND_END ? "end frame" : "start frame")
              .setOptions(options)
              .build()), EnhancePromptResponse::getCostList, key,
          r -> {
            // The trace files and the enhancement event come with the answer, before it is
            // recorded: a resumed job that finds the step recorded has written them already.
            EnhancementTraces.record(ctx, clip, kind, r);
            return StringValue.of(r.getEnhancedPrompt());
          }).getValue();
    } catch (StatusRuntimeException e) {
      if (ctx.job.cancelRequested()) {
        throw e;
      }
      ctx.fallback("enhance", "LlmService.EnhancePrompt",
          "original prompt", "clip " + (clip + 1) + ": " + e.getStatus().getCode() + ": "
              + e.getStatus().getDescription(), clip);
      return prompt;
    }
  }
}
