package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestProviders;
import dev.reelmesh.v1.EnhancementTraced;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storyboard's writer/critic traces: a folder per frame and a summary while the job runs,
 * an enhancement event per frame, gone when the job ends, or kept (and in the result) when the
 * job asks. The job is held in its clips stage so the test sees the files mid-run.
 */
class EnhancementTracesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void tracesExistWhileTheJobRunsAndAreGoneAfterUnlessKept() throws Exception {
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestProviders providers = new TestProviders();
    providers.video = channels -> held(new MotionVideoProvider(channels.media()), reached,
        release);
    try (TestMesh mesh = TestMesh.start(dir, null, providers)) {
      String id = submit(mesh, false);
      assertThat(reached.await(3, TimeUnit.MINUTES)).isTrue();
      Path traces = mesh.settings.artifactRoot().resolve("jobs/" + id + "/traces");
      // Mid-run: every frame has its folder, listed in the summary.
      JsonNode summary = JSON.readTree(traces.resolve("summary.json").toFile());
      int framesMidRun = summary.get("frames").size();
      assertThat(summary.get("job_id").asText()).isEqualTo(id);
      Path first = traces.resolve("clip01_start");
      assertThat(first.resolve("00_original_prompt.txt")).isRegularFile();
      assertThat(first.resolve("final_prompt.txt")).isRegularFile();
      assertThat(first.resolve("summary.json")).isRegularFile();
      try (var files = Files.list(first)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .anyMatch(n -> n.matches("\\d\\d_writer_round_1\\.txt"));
      }
      String finalPrompt = Files.readString(first.resolve("final_prompt.txt"),
          StandardCharsets.UTF_8).strip();
      JsonNode firstSummary = JSON.readTree(first.resolve("summary.json").toFile());
      assertThat(firstSummary.get("original_prompt").asText()).isEqualTo(Files.readString(
          first.resolve("00_original_prompt.txt"), StandardCharsets.UTF_8).strip());
      release.countDown();

      List<JobEvent> events = mesh.watchToEnd(id, 0);
      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      List<EnhancementTraced> traced = events.stream().filter(JobEvent::hasEnhancement)
          .map(JobEvent::getEnhancement).toList();
      int clips = job.getResult().getPlan().getClipsCount();
      // Every frame was written before the clips stage: all were there mid-run.
      assertThat(framesMidRun).isEqualTo(2 * clips);
      assertThat(traced).hasSize(2 * clips).allSatisfy(t -> {
        assertThat(t.getKept()).isFalse();
        assertThat(t.getTraceDir()).startsWith("jobs/" + id + "/traces/clip");
        assertThat(t.getRounds()).isPositive();
        assertThat(JSON.readTree(t.getSummaryJson()).get("final_score").asInt())
            .isEqualTo(t.getFinalScore());
      });
      // The frame was painted from the enhanced prompt the trace ends with.
      FrameResult clip1 = job.getResult().getFramesList().stream()
          .filter(f -> f.getClipIndex() == 0 && f.getFrame() == FrameKind.FRAME_KIND_START)
          .findFirst().orElseThrow();
      assertThat(clip1.getPrompt().strip()).isEqualTo(finalPrompt);
      assertThat(traces).doesNotExist();
      assertThat(job.getResult().hasEnhancementSummary()).isFalse();
      String report = Files.readString(mesh.file(job.getResult().getReport()),
          StandardCharsets.UTF_8);
      assertThat(report).contains("## Prompt enhancement", "clip 1 start: ",
          "are removed when the job ends");

      // Kept: the folders and the summary outlive the job, and the result points at them.
      String kept = submit(mesh, true);
      mesh.watchToEnd(kept, 0);
      Job keptJob = mesh.job(kept);
      assertThat(keptJob.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(keptJob.getResult().getEnhancementSummary().getUri())
          .isEqualTo("jobs/" + kept + "/traces/summary.json");
      JsonNode keptSummary = JSON.readTree(mesh.file(keptJob.getResult()
          .getEnhancementSummary()).toFile());
      assertThat(keptSummary.get("frames")).hasSize(2 * keptJob.getResult().getPlan()
          .getClipsCount());
      assertThat(mesh.settings.artifactRoot().resolve("jobs/" + kept
          + "/traces/clip01_end/final_prompt.txt")).isRegularFile();
      assertThat(Files.readString(mesh.file(keptJob.getResult().getReport()),
          StandardCharsets.UTF_8)).contains("Traces kept: `jobs/" + kept);
    }
  }

  private static String submit(TestMesh mesh, boolean keep) {
    return mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(TestMesh.quickSpec(
        "a lighthouse keeper climbing the stairs at dusk", 8).setEnhancementRounds(4)
        .setKeepTraces(keep)).build()).getJobId();
  }

  /** The offline engine, waiting in its first clip until the test has looked. */
  private static VideoProvider held(VideoProvider real, CountDownLatch reached,
      CountDownLatch release) {
    return new VideoProvider() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public Rendered render(ClipRequest request) throws Exception {
        return real.render(request);
      }

      @Override
      public Optional<Still> still(ClipRequest request) {
        reached.countDown();
        try {
          release.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real.still(request);
      }
    };
  }
}
