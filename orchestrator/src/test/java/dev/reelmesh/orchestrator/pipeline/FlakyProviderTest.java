package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 30 % of all provider calls fail (429 and 500 without Retry-After, dropped connections): every
 * job still finishes, and every failed attempt is a visible retry event, bounded by the policy.
 */
class FlakyProviderTest {
  static final int ATTEMPTS = 8;
  @TempDir Path dir;

  @Test
  void everyJobFinishesAndEveryRetryIsAnEvent() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start()) {
      ProviderFactory providers = TestRegistries.openAi(OpenAiJobTest.KEY, fake.baseUrl(),
          c -> c.withMaxAttempts(ATTEMPTS));
      try (TestMesh mesh = TestMesh.start(dir, null, providers)) {
        fake.png = TestMedia.png(96, 64);
        fake.wav = TestMedia.wav(1.0);
        fake.mp4 = TestMedia.mp4(mesh, 8);
        fake.flaky(0.3, 42);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          ids.add(mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
              .setSpec(OpenAiJobTest.spec("openai", "openai", "openai")).build()).getJobId());
        }
        List<JobEvent> retries = new ArrayList<>();
        for (String id : ids) {
          List<JobEvent> events = mesh.watchToEnd(id, 0);
          Job job = mesh.job(id);
          assertThat(job.getState()).as(job.getError().getMessage())
              .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
          List<JobEvent> mine = events.stream().filter(JobEvent::hasRetry).toList();
          retries.addAll(mine);
          String report = Files.readString(mesh.file(job.getResult().getReport()),
              StandardCharsets.UTF_8);
          for (JobEvent retry : mine) {
            assertThat(report).contains(retry.getMessage());
          }
        }
        assertThat(fake.flakyFailures()).isPositive();
        // Each failed attempt is retried once, and said so: no silent retry, none unreported.
        assertThat(retries).hasSize(fake.flakyFailures()).allSatisfy(e -> {
          assertThat(e.getRetry().getStep()).isNotBlank();
          assertThat(e.getRetry().getAttempt()).isBetween(1, ATTEMPTS - 1);
          assertThat(e.getRetry().getReason()).isNotBlank();
          assertThat(e.getRetry().getDelayMillis()).isPositive();
        });
        assertThat(retries).anyMatch(e -> e.getRetry().getReason().contains("429"))
            .anyMatch(e -> e.getRetry().getReason().contains("500"))
            .anyMatch(e -> e.getRetry().getReason().contains("cannot reach OpenAI"));
      }
    }
  }
}
