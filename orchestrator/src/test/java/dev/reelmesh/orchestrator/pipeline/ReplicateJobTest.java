package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.testing.FakeReplicate;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.SubmitJobRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole jobs on the Replicate-style video provider, against a fake prediction API. */
class ReplicateJobTest {
  static final String TOKEN = "r8_test_never_printed";
  static final String INPUT = "{\"prompt\": \"{prompt}\", \"image\": \"{image}\", "
      + "\"num_frames\": \"{frames}\", \"fps\": \"{fps}\", \"aspect_ratio\": \"{aspect_ratio}\"}";
  @TempDir Path dir;
  FakeReplicate fake;
  TestMesh mesh;

  static ProviderFactory factory(FakeReplicate fake, String model) {
    Map<String, String> env = new HashMap<>(Map.of(ReplicateConfig.TOKEN_VARIABLE, TOKEN,
        ReplicateConfig.BASE_URL_VARIABLE, fake.baseUrl(), ReplicateConfig.MODEL_VARIABLE, model,
        ReplicateConfig.INPUT_VARIABLE, INPUT, ReplicateConfig.PRICE_VARIABLE, "0.05"));
    return TestRegistries.replicate(env);
  }

  void startMesh(String model) throws Exception {
    mesh = TestMesh.start(dir, null, factory(fake, model));
    fake.mp4 = TestMedia.mp4(mesh, 8);
  }

  @BeforeEach
  void startFake() throws Exception {
    fake = FakeReplicate.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (mesh != null) {
      mesh.close();
    }
    fake.close();
  }

  static JobSpec.Builder spec() {
    JobSpec.Builder spec = TestMesh.quickSpec("a ceramic kettle pouring at dawn", 8);
    spec.getProvidersBuilder().setImage("animatic").setVideo("replicate").setSpeech("none");
    return spec;
  }

  private String submit(JobSpec.Builder spec) {
    return mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
        .getJobId();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
  }

  @Test
  void aWholeJobOnReplicateSucceedsAndIsBilledAtTheConfiguredPrice() throws Exception {
    startMesh("acme/image-to-video");
    long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
    String id = submit(spec());
    mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int clips = job.getResult().getPlan().getClipsCount();
    assertThat(fake.count(FakeReplicate.CREATE)).isEqualTo(clips);
    assertThat(fake.count(FakeReplicate.FILE)).isEqualTo(clips);
    assertThat(fake.createPaths).containsOnly("/v1/models/acme/image-to-video/predictions");
    assertThat(fake.authorizations).containsOnly("Bearer " + TOKEN);
    for (JsonNode input : fake.inputs) {
      assertThat(input.get("prompt").textValue()).isNotBlank();
      assertThat(input.get("image").textValue()).startsWith("data:image/png;base64,iVBOR");
      assertThat(input.get("fps").isIntegralNumber()).isTrue();
      assertThat(input.get("num_frames").isIntegralNumber()).isTrue();
      assertThat(input.get("num_frames").asInt()).isGreaterThanOrEqualTo(
          (int) (input.get("fps").asInt() * 2.0));
      assertThat(input.get("aspect_ratio").textValue()).isEqualTo("16:9");
    }
    List<CostLine> video = job.getResult().getCost().getLinesList().stream()
        .filter(l -> l.getStage().equals("clips")).toList();
    assertThat(video).hasSize(clips).allSatisfy(l -> {
      assertThat(l.getProvider()).isEqualTo("replicate");
      assertThat(l.getUnit()).isEqualTo("video_seconds");
      assertThat(l.getEstimatedMicros()).isEqualTo(50_000L * (long) l.getQuantity());
      assertThat(l.getActualMicros()).isEqualTo(l.getEstimatedMicros());
    });
    long billed = video.stream().mapToLong(CostLine::getActualMicros).sum();
    assertThat(mesh.engine().ledger().budget().getSpentMicros() - spentBefore)
        .isEqualTo(billed);
    assertThat(job.getResult().getEnginesMap().get("video").getEngine()).isEqualTo("replicate");
    assertThat(mesh.probe(job.getResult().getVideo()).getDurationSeconds())
        .isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  void aPinnedVersionIsCreatedThroughPredictionsAndEstimatesMatchTheHolds() throws Exception {
    startMesh("acme/image-to-video:0123456789abcdef");
    EstimateCostResponse estimate = mesh.pipeline().estimateCost(EstimateCostRequest.newBuilder()
        .setSpec(spec()).build());
    double shortest = estimate.getPlan().getClipsList().stream()
        .mapToDouble(c -> c.getEndSeconds() - c.getStartSeconds()).min().orElseThrow();
    double overlap = estimate.getPlan().getClipsCount() < 2 ? 0 : Math.min(0.5, shortest / 4);
    int seconds = 0;
    List<PlannedClip> planned = estimate.getPlan().getClipsList();
    for (int i = 0; i < planned.size(); i++) {
      seconds += (int) Math.ceil(planned.get(i).getEndSeconds() - planned.get(i).getStartSeconds()
          + (i < planned.size() - 1 ? overlap : 0) - 1e-9);
    }
    CostLine line = estimate.getEstimate().getLinesList().stream()
        .filter(l -> l.getStage().equals("clips")).findFirst().orElseThrow();
    assertThat(line.getProvider()).isEqualTo("replicate");
    assertThat(line.getEstimatedMicros()).isEqualTo(50_000L * seconds);
    assertThat(fake.total()).as("a dry run calls no provider").isZero();

    String id = submit(spec());
    mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(fake.createPaths).containsOnly("/v1/predictions@0123456789abcdef");
    assertThat(job.getResult().getCost().getLinesList().stream()
        .filter(l -> l.getStage().equals("clips")).mapToLong(CostLine::getEstimatedMicros).sum())
        .isEqualTo(line.getEstimatedMicros());
  }

  @Test
  void aFailedPredictionFailsTheJobWithTheProvidersReasonAndBillsWhatItPaid() throws Exception {
    startMesh("acme/image-to-video");
    fake.failWith = "NSFW content detected in the input";
    long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
    String id = submit(spec().setMaxParallelClips(1));
    mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_FAILED);
    assertThat(job.getError().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(job.getError().getMessage()).contains("NSFW content detected")
        .contains("replicate (clip 1)");
    // Video providers bill at creation: the one prediction made is on the failed job's bill,
    // and the month's ledger counts exactly that.
    assertThat(job.getCost().getLinesList()).filteredOn(l -> l.getStage().equals("clips"))
        .singleElement().satisfies(l -> assertThat(l.getActualMicros()).isPositive());
    assertThat(mesh.engine().ledger().budget().getSpentMicros() - spentBefore)
        .isEqualTo(job.getCost().getActualTotalMicros());
  }

  @Test
  void anEmptyOutputFailsTheClipWithTheReasonAndIsNeverStitched() throws Exception {
    startMesh("acme/image-to-video");
    fake.mp4 = new byte[0];
    String id = submit(spec().setMaxParallelClips(1));
    List<dev.reelmesh.v1.JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_FAILED);
    assertThat(job.getError().getCode()).isEqualTo(Status.Code.DATA_LOSS.value());
    assertThat(job.getError().getStage()).isEqualTo(dev.reelmesh.v1.Stage.STAGE_CLIPS);
    assertThat(job.getError().getMessage()).contains("replicate (clip 1)")
        .contains("empty file (0 bytes)");
    assertThat(events).noneMatch(e -> e.getStage() == dev.reelmesh.v1.Stage.STAGE_ASSEMBLE);
    assertThat(fake.count(FakeReplicate.FILE)).isEqualTo(1);
  }

  @Test
  void aRateLimitedCreateIsRetriedButAnAmbiguousFailureIsNot() throws Exception {
    startMesh("acme/image-to-video");
    fake.failNext(FakeReplicate.CREATE, 429, 1);
    String ok = submit(spec().setMaxParallelClips(1));
    mesh.watchToEnd(ok, 0);
    assertThat(mesh.job(ok).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int clips = mesh.job(ok).getResult().getPlan().getClipsCount();
    assertThat(fake.count(FakeReplicate.CREATE)).isEqualTo(clips + 1);

    // A 500 may come after the prediction started: trying again could pay twice.
    fake.failNext(FakeReplicate.CREATE, 500, 1);
    int before = fake.count(FakeReplicate.CREATE);
    String failed = submit(spec().setMaxParallelClips(1).setSeed(99));
    mesh.watchToEnd(failed, 0);
    Job job = mesh.job(failed);
    assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_FAILED);
    assertThat(job.getError().getCode()).isEqualTo(Status.Code.UNKNOWN.value());
    assertThat(job.getError().getMessage()).contains("500").contains("not retried");
    assertThat(fake.count(FakeReplicate.CREATE) - before).isEqualTo(1);
  }

  @Test
  void cancellingTheJobCancelsThePrediction() throws Exception {
    startMesh("acme/image-to-video");
    fake.ready = false;
    String id = submit(spec().setMaxParallelClips(1));
    await(() -> fake.count(FakeReplicate.GET) >= 2);
    mesh.pipeline().cancelJob(CancelJobRequest.newBuilder().setJobId(id).build());
    mesh.watchToEnd(id, 0);
    assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_CANCELLED);
    assertThat(fake.count(FakeReplicate.CANCEL)).isEqualTo(1);
  }

  @Test
  void aCrashDuringPollingReattachesToTheSamePrediction() throws Exception {
    startMesh("acme/image-to-video");
    fake.ready = false;
    String id = submit(spec().setMaxParallelClips(1));
    await(() -> fake.count(FakeReplicate.GET) >= 3);
    assertThat(fake.count(FakeReplicate.CREATE)).isEqualTo(1);
    mesh.stopPipeline(); // as a crash would: the job stays RUNNING on disk
    fake.ready = true;
    mesh.startPipeline();
    mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int clips = job.getResult().getPlan().getClipsCount();
    assertThat(fake.count(FakeReplicate.CREATE)).isEqualTo(clips);
    assertThat(fake.count(FakeReplicate.CANCEL)).isZero();
  }

  @Test
  void withoutSettingsAReplicateJobIsRefusedNamingThem() throws Exception {
    mesh = TestMesh.start(dir, null, TestRegistries.replicate(Map.of()));
    assertThatThrownBy(() -> submit(spec()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).contains("spec.providers.video")
              .contains("REPLICATE_API_TOKEN").contains("REELMESH_REPLICATE_VIDEO_MODEL");
        });
    assertThat(fake.total()).isZero();
  }
}
