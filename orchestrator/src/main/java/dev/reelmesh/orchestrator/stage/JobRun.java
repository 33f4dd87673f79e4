package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.job.Generations;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.v1.JobState;
import io.grpc.Context;
import io.grpc.Status;
import dev.reelmesh.common.fetch.UrlFetcher;
import java.util.concurrent.Executor;

/**
 * One run of a job through its stages. A resumed or regenerated job runs again from the top:
 * every step that finished before returns its recorded result, so nothing is redone or paid twice.
 */
final class JobRun implements Runnable {
  private final JobRuntime job;
  private final JobContext ctx;

  JobRun(JobRuntime job, MeshChannels channels, UrlFetcher fetcher, Providers providers,
      ArtifactStore artifacts, Executor clipExecutor, Generations generations, JobSpend spend) {
    this.job = job;
    this.ctx = new JobContext(job, channels, providers, artifacts, clipExecutor, generations,
        spend, fetcher);
  }

  @Override
  public void run() {
    // Every provider call of the run reports its retries, and every provider job its new
    // places in the provider's queue, as the job's events.
    Context.CancellableContext context = Context.current()
        .withValue(dev.reelmesh.orchestrator.provider.ProviderCalls.RETRIES, job::retrying)
        .withValue(dev.reelmesh.orchestrator.provider.QueueListener.KEY, job::queued)
        .withCancellation();
    job.setContext(context);
    try {
      context.run(this::stages);
    } catch (RuntimeException e) {
      if (job.stopping()) {
        return; // shutdown, not failure: the job stays RUNNING and resumes on the next start
      }
      Status status = Statuses.fromThrowable(e);
      EnhancementTraces.beforeEnd(ctx);
      if (job.cancelRequested()) {
        job.state(JobState.JOB_STATE_CANCELLED, "job cancelled");
      } else {
        job.fail(status.getCode().value(), status.getCode() + ": " + status.getDescription(),
            job.snapshot().getStage());
      }
    } finally {
      context.cancel(null);
      job.setContext(null);
    }
  }

  private void stages() {
    ctx.runStart = job.log().lastSequence();
    job.state(JobState.JOB_STATE_RUNNING, "running");
    for (Stage stage : Stages.ALL) {
      ctx.checkCancelled();
      ctx.enter(stage);
      stage.run(ctx);
      if (stage.waitsAfter(ctx)) {
        job.state(JobState.JOB_STATE_AWAITING_APPROVAL,
            "plan ready: approve it (optionally with a change) to go on");
        return;
      }
    }
  }
}
