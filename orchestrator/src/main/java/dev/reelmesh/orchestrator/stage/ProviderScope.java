package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.orchestrator.provider.Spend;

/**
 * What a job gives its providers: the budget guard for paid calls, the job's step memo (where a
 * provider records in-flight work such as a video job id), and the artifact root.
 */
public record ProviderScope(Spend spend, StepMemo memo, ArtifactStore artifacts) {}
