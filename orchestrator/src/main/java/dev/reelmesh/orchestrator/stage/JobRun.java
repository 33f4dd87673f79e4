package dev.reelmesh.orchestrator.stage;

import com.google.protobuf.Empty;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.deliver.ReportWriter;
import dev.reelmesh.orchestrator.deliver.StageTimings;
import dev.reelmesh.orchestrator.job.Generations;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.NarrationSegment;
import io.grpc.Context;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.reelmesh.common.fetch.UrlFetcher;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One run of a job through its stages. A resumed or regenerated job runs again from the top:
 * every step that finished before returns its recorded result, so nothing is redone or paid twice.
 */
public final class JobRun implements Runnable {
  private final JobRuntime job;
  private final JobContext ctx;

  public JobRun(JobRuntime job, MeshChannels channels, UrlFetcher fetcher, Providers providers,
      ArtifactStore artifacts, Executor clipExecutor, Generations generations, JobSpend spend) {
    this.job = job;
    this.ctx = new JobContext(job, channels, providers, artifacts, clipExecutor, generations,
        spend, fetcher);
  }

  @Override
  public void run() {
    // Every provider call of the run reports its retries as the job's events.
    Context.CancellableContext context = Context.current()
        .withValue(dev.reelmesh.orchestrator.provider.ProviderCalls.RETRIES, job::retrying)
        .withCancellation();
    job.setContext(context);
    try {
      context.run(this::stages);
    } catch (RuntimeException e) {
      if (job.stopping()) {
        return; // shutdown, not failure: the job stays RUNNING and resumes on the next start
      }
      Status status = Statuses.fromThrowable(e);
      if (job.cancelRequested()) {
        job.state(JobState.JOB_STATE_CANCELLED, "job cancelled");
      } else {
        job.fail(status.getCode().value(), status.getCode() + ": " + status.getDescription(),
            job.snapshot().getStage());
      }
    } finally {
      context.cancel(null);
      job.setContext(null);
      EnhancementTraces.afterRun(ctx);
    }
  }

  private void stages() {
    long before = job.log().lastSequence();
    job.state(JobState.JOB_STATE_RUNNING, "running");
    PlanStage.run(ctx);
    if (PlanStage.awaitsApproval(ctx)) {
      job.state(JobState.JOB_STATE_AWAITING_APPROVAL,
          "plan ready: approve it (optionally with a change) to go on");
      return;
    }
    ReferencesStage.run(ctx);
    StoryboardStage.run(ctx);
    ctx.checkCancelled();
    ClipPromptsStage.run(ctx);
    ClipsStage.run(ctx);
    ctx.checkCancelled();
    List<NarrationSegment> narration = AudioStage.run(ctx);
    AssembleStage.Assembled assembled = AssembleStage.run(ctx, narration);
    ctx.checkCancelled();
    deliver(assembled, before);
  }

  /** @param before the last event before this run: its timings start after it */
  private void deliver(AssembleStage.Assembled assembled, long before) {
    ctx.engines.put("image", ctx.engines.getOrDefault("image",
        dev.reelmesh.v1.EngineInfo.newBuilder().setEngine(ctx.providers.image().name()).build()));
    ctx.engines.put("prompts", ctx.promptsEngine);
    ctx.engines.put("music", dev.reelmesh.v1.EngineInfo.newBuilder().setEngine(
        ctx.spec.spec().getMusic().getOff() ? "none"
            : ctx.spec.spec().getMusic().hasFile() ? "user file" : "ffmpeg ambient bed").build());
    JobResult.Builder result = JobResult.newBuilder()
        .setVideo(assembled.video())
        .setStoryboard(assembled.storyboard())
        .setThumbnail(assembled.thumbnail())
        .setPlan(ctx.plan)
        .setPrompts(ctx.prompts)
        .addAllFrames(ctx.frames)
        .addAllClips(Timeline.artefacts(ctx))
        .setCost(job.cost())
        .setDurationSeconds(assembled.durationSeconds())
        .putAllEngines(ctx.engines);
    if (assembled.captions() != null) {
      result.setCaptions(assembled.captions());
    }
    EnhancementTraces.keptSummary(ctx).ifPresent(result::setEnhancementSummary);
    result.addAllClipChecks(ClipChecks.ofRun(ctx));
    ctx.job.event(dev.reelmesh.v1.Stage.STAGE_DELIVER, 99, "writing the report");
    StageTimings.fill(result, job.log().after(before,
        (int) (job.log().lastSequence() - before)), java.time.Instant.now());
    String report = ReportWriter.write(job.id(), result.build(), job.log().after(0,
        Integer.MAX_VALUE));
    Path reportFile = ctx.file("report.md");
    try {
      Files.writeString(reportFile, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.setReport(ctx.artifacts.describe(reportFile, "text/markdown"));
    job.succeed(result.build());
  }

  /** Records the approval so the next run goes past the gate. */
  public static void recordApproval(JobRuntime job) {
    job.memo().put(PlanStage.APPROVED_KEY, Empty.getDefaultInstance());
  }

  /** Where the plan is recorded, for a refinement to replace it. */
  public static String planKey() {
    return PlanStage.KEY;
  }
}
