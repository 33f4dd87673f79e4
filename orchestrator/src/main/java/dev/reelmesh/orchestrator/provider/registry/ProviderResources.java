package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.store.StepMemo;
import io.grpc.Channel;

/**
 * What a job gives the provider it creates: the budget guard every paid call holds on before it
 * is made, the step memo (where a provider records its job id before polling, so a restart
 * re-attaches instead of paying again), the artifact root (outputs are copied in at once: their
 * URLs expire) and the media service (to probe what came back).
 */
public record ProviderResources(Spend spend, StepMemo memo, ArtifactStore artifacts,
    Channel media) {}
