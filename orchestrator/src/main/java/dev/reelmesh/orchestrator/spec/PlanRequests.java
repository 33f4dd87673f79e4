package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.PlanScriptRequest;

/**
 * What a job asks the planner, from its spec: written once, so the plan a dry run prices
 * (EstimateCost, SubmitJob's refusal) is asked for exactly as the job's own plan is.
 */
public final class PlanRequests {
  private PlanRequests() {}

  /** The request's job-given fields; the caller adds the clip lengths, music and options. */
  public static PlanScriptRequest.Builder of(JobSpec spec) {
    return PlanScriptRequest.newBuilder()
        .setBrief(spec.getBrief())
        .setDurationSeconds(spec.getDurationSeconds())
        .setAspectRatio(spec.getAspectRatio())
        .setStylePreset(spec.getStylePreset())
        .setProductDescription(spec.getProductDescription())
        .setCharacterConsistency(true)
        .setSeed(JobSpecs.seed(spec))
        .setPreferredClipSeconds(spec.getPreferredClipSeconds());
  }
}
