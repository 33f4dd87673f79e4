package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.deliver.ReportWriter;
import dev.reelmesh.orchestrator.deliver.StageTimings;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.JobResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The job's result (artifacts, scores, prompts, bill, timings) and its report. */
final class DeliverStage {
  private DeliverStage() {}

  static void run(JobContext ctx) {
    AssembleStage.Assembled assembled = ctx.assembled;
    ctx.engines.put("image", ctx.engines.getOrDefault("image",
        EngineInfo.newBuilder().setEngine(ctx.providers.image().name()).build()));
    ctx.engines.put("prompts", ctx.promptsEngine);
    ctx.engines.put("music", EngineInfo.newBuilder().setEngine(
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
        .setCost(ctx.job.cost())
        .setDurationSeconds(assembled.durationSeconds())
        .putAllEngines(ctx.engines);
    if (assembled.captions() != null) {
      result.setCaptions(assembled.captions());
    }
    EnhancementTraces.keptSummary(ctx).ifPresent(result::setEnhancementSummary);
    result.addAllClipChecks(ClipChecks.ofRun(ctx));
    ctx.progress(0, "writing the report");
    // Timings count this run's events only: those after the last one before it started.
    long before = ctx.runStart;
    StageTimings.fill(result, ctx.job.log().after(before,
        (int) (ctx.job.log().lastSequence() - before)), java.time.Instant.now());
    String report = ReportWriter.write(ctx.job.id(), result.build(), ctx.job.log().after(0,
        Integer.MAX_VALUE));
    Path reportFile = ctx.file("report.md");
    try {
      Files.writeString(reportFile, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.setReport(ctx.artifacts.describe(reportFile, "text/markdown"));
    EnhancementTraces.beforeEnd(ctx);
    ctx.job.succeed(result.build());
  }
}
