package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.SubmitJobRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing OpenAI: refused clearly without a key; priced, for free, with one. */
class OpenAiSpecTest {
  @TempDir Path dir;

  @Test
  void withoutAKeyOpenAiIsRefusedAtSubmit() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      for (String role : new String[] {"image", "video", "speech"}) {
        var spec = OpenAiJobTest.spec(role.equals("image") ? "openai" : "animatic",
            role.equals("video") ? "openai" : "motion",
            role.equals("speech") ? "openai" : "none");
        assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
            .setSpec(spec).build()))
            .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription()).contains("spec.providers." + role)
                  .contains("OPENAI_API_KEY");
            });
      }
      var replicate = OpenAiJobTest.spec("animatic", "replicate", "none");
      assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
          .setSpec(replicate).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(e.getStatus().getDescription()).contains("replicate");
          });
    }
  }

  @Test
  void estimateCostPricesOpenAiWithoutCallingIt() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start();
        TestMesh mesh = TestMesh.start(dir, null, OpenAiJobTest.factory(fake))) {
      EstimateCostResponse estimate = mesh.pipeline().estimateCost(EstimateCostRequest
          .newBuilder().setSpec(OpenAiJobTest.spec("openai", "openai", "openai")).build());
      int clips = estimate.getPlan().getClipsCount();
      CostLine images = line(estimate, "storyboard");
      assertThat(images.getProvider()).isEqualTo("openai");
      assertThat(images.getQuantity()).isEqualTo(clips * 2 * 2);
      // gpt-image-1 medium 1536x1024 (16:9 frames): $0.063 an image.
      assertThat(images.getEstimatedMicros()).isEqualTo(clips * 4 * 63_000L);
      CostLine video = line(estimate, "clips");
      assertThat(video.getUnit()).isEqualTo("video_seconds");
      assertThat(video.getEstimatedMicros()).isEqualTo((long) video.getQuantity() * 100_000L);
      assertThat(video.getQuantity() % 4).isZero();
      assertThat(line(estimate, "audio").getEstimatedMicros()).isPositive();
      assertThat(estimate.getEstimate().getEstimatedTotalMicros()).isPositive();
      assertThat(fake.total()).isZero();
      assertThat(mesh.engine().ledger().budget().getSpentMicros()).isZero();
    }
  }

  private static CostLine line(EstimateCostResponse estimate, String stage) {
    return estimate.getEstimate().getLinesList().stream()
        .filter(l -> l.getStage().equals(stage)).findFirst().orElseThrow();
  }

  @Test
  void askingForTheOpenAiLlmWhereTheLlmServiceHasNoKeyFailsThePlanWithTheReason()
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("OPENAI_API_KEY") == null,
        "the llm service of the test mesh reads OPENAI_API_KEY from the environment");
    try (TestMesh mesh = TestMesh.start(dir)) {
      var spec = dev.reelmesh.orchestrator.testing.TestMesh.quickSpec("a kettle", 8);
      spec.getProvidersBuilder().setLlm("openai");
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
          .getJobId();
      mesh.watchToEnd(id, 0);
      var job = mesh.job(id);
      assertThat(job.getState()).isEqualTo(dev.reelmesh.v1.JobState.JOB_STATE_FAILED);
      assertThat(job.getError().getStage()).isEqualTo(dev.reelmesh.v1.Stage.STAGE_PLAN);
      assertThat(job.getError().getMessage()).contains("FAILED_PRECONDITION")
          .contains("OPENAI_API_KEY");
    }
  }
}
