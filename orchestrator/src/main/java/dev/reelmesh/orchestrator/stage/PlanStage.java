package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.spec.PlanRequests;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import java.util.concurrent.TimeUnit;

/** 0–10%: the brief becomes a ScenePlan through the LLM service. */
final class PlanStage {
  static final String KEY = "plan";
  static final String APPROVED_KEY = "plan-approved";

  private PlanStage() {}

  static void run(JobContext ctx) {
    PlanReady known = ctx.memo().find(KEY, PlanReady.parser());
    if (known != null) {
      // Recorded by an earlier run, which already told the watchers.
      ctx.plan = known.getPlan();
      ctx.engines.put("llm", known.getEngine());
      return;
    }
    ctx.progress(0, "planning the script");
    JobSpec spec = ctx.spec.spec();
    PlanScriptRequest.Builder request = PlanRequests.of(spec);
    // A music video: clip boundaries on the user's music's beats, lyrics in the clips.
    MusicCut.apply(ctx, request);
    // Clips cut to the lengths the video model renders, so none is paid for and thrown away.
    ctx.providers.video().allowedSeconds().forEach(s -> request.addAllowedClipSeconds(s));
    PlanReady ready = ctx.spend.llm("plan", "PlanScript", options -> LlmServiceGrpc
        .newBlockingStub(ctx.channels.llm())
        .withDeadlineAfter(3, TimeUnit.MINUTES)
        .planScript(request.clone().setOptions(options).build()),
        PlanScriptResponse::getCostList, KEY, PlanStage::ready);
    ctx.plan = ready.getPlan();
    ctx.engines.put("llm", ready.getEngine());
    if (ready.getEngine().getFallback()) {
      ctx.fallback("llm", ctx.llmChoice(),
          ready.getEngine().getEngine(), ready.getEngine().getFallbackReason(), -1);
    }
    ctx.progress(1, "plan ready: " + ctx.plan.getClipsCount() + " clips, "
        + ctx.plan.getDurationSeconds() + " s", e -> e.setPlanReady(ready));
  }

  private static PlanReady ready(PlanScriptResponse response) {
    return PlanReady.newBuilder().setPlan(response.getPlan()).setEngine(response.getEngine())
        .build();
  }

  /** True when the job must wait at the approval gate before going on. */
  static boolean awaitsApproval(JobContext ctx) {
    return ctx.spec.spec().getRequirePlanApproval()
        && ctx.memo().find(APPROVED_KEY, com.google.protobuf.Empty.parser()) == null;
  }
}
