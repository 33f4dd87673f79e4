package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.fetch.UrlFetcher;
import dev.reelmesh.orchestrator.job.Generations;
import dev.reelmesh.orchestrator.job.JobRunner;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import java.util.concurrent.Executor;

/**
 * The engine's runner: a job's run goes through {@link Stages#ALL}, with the job's providers
 * (chosen by its spec) drawing on its budget, and its regeneration counters.
 */
public final class StageRunner implements JobRunner {
  private final MeshChannels channels;
  private final ProviderFactory providers;
  private final UrlFetcher fetcher;
  private final ArtifactStore artifacts;
  private final java.util.function.UnaryOperator<Providers> observed;

  /**
   * @param fetcher fetches reference images given by URL, within the engine's policy
   * @param observed wraps a job's providers so each call is timed, counted and traced
   */
  public StageRunner(MeshChannels channels, ProviderFactory providers, UrlFetcher fetcher,
      ArtifactStore artifacts, java.util.function.UnaryOperator<Providers> observed) {
    this.channels = channels;
    this.providers = providers;
    this.fetcher = fetcher;
    this.artifacts = artifacts;
    this.observed = observed;
  }

  @Override
  public Runnable run(JobRuntime job, String leaseOwner, Executor clips) {
    JobSpend spend = new JobSpend(job, job.ledger(), leaseOwner);
    ProviderScope scope = ProviderScope.of(job, spend, artifacts);
    return new JobRun(job, channels, fetcher, observed.apply(providers.forJob(
        job.spec().spec().getProviders(), channels, scope)), artifacts, clips,
        Generations.load(job.memo()), spend);
  }

  @Override
  public double startOf(dev.reelmesh.v1.Stage stage) {
    return Stages.of(stage).band().from();
  }

  @Override
  public double endOf(dev.reelmesh.v1.Stage stage) {
    return Stages.of(stage).band().to();
  }

  @Override
  public String planKey() {
    return PlanStage.KEY;
  }

  @Override
  public String approvalKey() {
    return PlanStage.APPROVED_KEY;
  }
}
