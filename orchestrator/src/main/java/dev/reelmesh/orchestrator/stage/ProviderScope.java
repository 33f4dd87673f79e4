package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.provider.registry.FallbackReport;
import dev.reelmesh.orchestrator.store.StepMemo;

/**
 * What a job gives its providers: the budget guard for paid calls, the job's step memo (where a
 * provider records in-flight work such as a video job id), the artifact root, and where a
 * fallback chain reports that it moved on.
 */
public record ProviderScope(Spend spend, StepMemo memo, ArtifactStore artifacts,
    FallbackReport fallbacks) {
  /** A run of {@code job}: its fallbacks are its events, at the stage it is in. */
  public static ProviderScope of(JobRuntime job, Spend spend, ArtifactStore artifacts) {
    return new ProviderScope(spend, job.memo(), artifacts, (role, wanted, used, reason, clip) -> {
      dev.reelmesh.v1.Job now = job.snapshot();
      job.fallback(now.getStage(), now.getPercent(), role.field(), wanted, used, reason, clip);
    });
  }
}
