package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash while a Sora video renders: the resumed job re-attaches instead of paying again. */
class OpenAiResumeTest {
  @TempDir Path dir;

  @Test
  void aCrashDuringPollingReattachesToTheSameVideo() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start();
        TestMesh mesh = TestMesh.start(dir, null, OpenAiJobTest.factory(fake))) {
      fake.mp4 = TestMedia.mp4(mesh, 8);
      fake.videosReady = false;
      JobSpec.Builder spec = OpenAiJobTest.spec("animatic", "openai", "none")
          .setMaxParallelClips(1);
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (fake.count(FakeOpenAi.VIDEO_STATUS) < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(fake.createdVideos).hasSize(1);
      String first = fake.createdVideos.get(0);

      mesh.stopPipeline(); // as a crash would: the job stays RUNNING on disk
      fake.videosReady = true;
      int polledBefore = fake.count(FakeOpenAi.VIDEO_STATUS);
      mesh.startPipeline();
      mesh.watchToEnd(id, 0);

      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      int clips = job.getResult().getPlan().getClipsCount();
      // One create per clip: the first clip's video was re-attached, not created again.
      assertThat(fake.createdVideos).hasSize(clips).startsWith(first).doesNotHaveDuplicates();
      assertThat(fake.count(FakeOpenAi.VIDEOS)).isEqualTo(clips);
      assertThat(fake.count(FakeOpenAi.VIDEO_STATUS)).isGreaterThan(polledBefore);
      // Billed once per clip, after the download.
      List<CostLine> video = job.getResult().getCost().getLinesList().stream()
          .filter(l -> l.getStage().equals("clips")).toList();
      assertThat(video).hasSize(clips).allSatisfy(l ->
          assertThat(l.getActualMicros()).isPositive());
    }
  }
}
