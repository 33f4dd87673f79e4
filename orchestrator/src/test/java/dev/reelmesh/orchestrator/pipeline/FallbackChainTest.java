package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.testing.FakeReplicate;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.v1.Fallback;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fallback chain {@code "openai,replicate:acme/retired,replicate"}: OpenAI is not configured,
 * the Replicate model is gone (the fake answers 404), so the job moves on twice, each move a
 * fallback event and in the report, nothing charged for the gone model, and the job succeeds on
 * the configured Replicate model.
 */
class FallbackChainTest {
  @TempDir Path dir;
  FakeReplicate fake;
  TestMesh mesh;

  @BeforeEach
  void start() throws Exception {
    fake = FakeReplicate.start();
    fake.goneModel = "acme/retired";
    mesh = TestMesh.start(dir, null, TestRegistries.replicate(Map.of(
        ReplicateConfig.TOKEN_VARIABLE, ReplicateJobTest.TOKEN,
        ReplicateConfig.BASE_URL_VARIABLE, fake.baseUrl(),
        ReplicateConfig.MODEL_VARIABLE, "acme/image-to-video",
        ReplicateConfig.INPUT_VARIABLE, ReplicateJobTest.INPUT,
        ReplicateConfig.PRICE_VARIABLE, "0.05")));
    fake.mp4 = TestMedia.mp4(mesh, 8);
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    fake.close();
  }

  @Test
  void anUnconfiguredProviderAndARetiredModelArePassedOverVisiblyAndFree() throws Exception {
    long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
    JobSpec.Builder spec = TestMesh.quickSpec("a ceramic kettle pouring at dawn", 8)
        .setMaxParallelClips(1);
    spec.getProvidersBuilder().setImage("animatic").setSpeech("none")
        .setVideo("openai,replicate:acme/retired,replicate");
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
        .getJobId();
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);

    List<Fallback> fallbacks = events.stream().filter(JobEvent::hasFallback)
        .map(JobEvent::getFallback).filter(f -> f.getComponent().equals("video")).toList();
    assertThat(fallbacks).hasSize(2);
    assertThat(fallbacks.get(0).getWanted()).isEqualTo("openai");
    assertThat(fallbacks.get(0).getUsed()).isEqualTo("replicate:acme/retired");
    assertThat(fallbacks.get(0).getReason()).contains("OPENAI_VIDEO_BASE_URL");
    assertThat(fallbacks.get(0).getClipIndex()).isEqualTo(-1);
    assertThat(fallbacks.get(1).getWanted()).isEqualTo("replicate:acme/retired");
    assertThat(fallbacks.get(1).getUsed()).isEqualTo("replicate");
    assertThat(fallbacks.get(1).getReason()).contains("404").contains("not found");
    assertThat(fallbacks.get(1).getClipIndex()).isZero();

    // The gone model was asked once (the chain stays moved for the other clips), then each
    // clip once on the configured one.
    int clips = job.getResult().getPlan().getClipsCount();
    assertThat(fake.count(FakeReplicate.CREATE)).isEqualTo(clips + 1);
    // Nothing was charged for it: every clip line is the configured model's, at its price.
    assertThat(job.getResult().getCost().getLinesList()).filteredOn(l ->
        l.getStage().equals("clips")).hasSize(clips).allSatisfy(l -> {
          assertThat(l.getItem()).startsWith("acme/image-to-video");
          assertThat(l.getActualMicros()).isEqualTo(50_000L * (long) l.getQuantity());
        });
    long billed = job.getResult().getCost().getActualTotalMicros();
    assertThat(mesh.engine().ledger().budget().getSpentMicros() - spentBefore)
        .isEqualTo(billed);
    assertThat(job.getResult().getEnginesMap().get("video").getModel())
        .isEqualTo("acme/image-to-video");
    String report = Files.readString(mesh.file(job.getResult().getReport()));
    assertThat(report).contains("replicate:acme/retired").contains("fell back to replicate");
  }
}
