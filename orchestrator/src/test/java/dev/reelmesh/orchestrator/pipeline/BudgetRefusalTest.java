package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameSelector;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.MusicChoice;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UserReference;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refuse before spending: over the cap or the month, a job is refused with no paid call made. */
class BudgetRefusalTest {
  @TempDir Path dir;
  FakeOpenAi fake;
  TestMesh mesh;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAi.start();
    fake.png = TestMedia.png(96, 64);
    fake.wav = TestMedia.wav(1.0);
    mesh = TestMesh.start(dir, null, OpenAiJobTest.factory(fake));
    fake.mp4 = TestMedia.mp4(mesh, 8);
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    fake.close();
  }

  private long estimate(JobSpec.Builder spec) {
    return mesh.pipeline().estimateCost(EstimateCostRequest.newBuilder().setSpec(spec).build())
        .getEstimate().getEstimatedTotalMicros();
  }

  private StatusRuntimeException refused(JobSpec.Builder spec) {
    try {
      mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build());
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("submitted, not refused");
  }

  @Test
  void aJobOverItsCapIsRefusedAtSubmitWithTheFigures() {
    JobSpec.Builder spec = OpenAiJobTest.spec("openai", "openai", "openai");
    long total = estimate(spec);
    assertThat(total).isPositive();
    StatusRuntimeException e = refused(spec.setBudgetCapMicros(total - 1));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(e.getStatus().getDescription()).startsWith("spec.budget_cap_micros:")
        .contains(String.format(java.util.Locale.ROOT, "$%.4f", total / 1e6))
        .contains(String.format(java.util.Locale.ROOT, "cap of $%.4f", (total - 1) / 1e6))
        .contains("storyboard $").contains("clips $");
    assertThat(fake.total()).isZero();
    assertThat(mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsCount())
        .isZero();
  }

  @Test
  void aJobOverWhatIsLeftOfTheMonthIsRefused() {
    JobSpec.Builder spec = OpenAiJobTest.spec("openai", "openai", "openai");
    long total = estimate(spec);
    mesh.restartWithMonthlyLimit(total - 1);
    StatusRuntimeException e = refused(spec);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(e.getStatus().getDescription()).startsWith("monthly limit:")
        .contains(String.format(java.util.Locale.ROOT, "$%.4f left", (total - 1) / 1e6));
    assertThat(fake.total()).isZero();
  }

  @Test
  void aJobWithinItsCapIsAccepted() {
    JobSpec.Builder spec = OpenAiJobTest.spec("openai", "motion", "none");
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(spec.setBudgetCapMicros(estimate(spec) * 2)).build()).getJobId();
    mesh.watchToEnd(id, 0);
    assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
  }

  @Test
  void anApprovalOverWhatIsLeftOfTheMonthIsRefusedBeforeAnyMedia() throws Exception {
    JobSpec.Builder spec = OpenAiJobTest.spec("openai", "openai", "openai")
        .setRequirePlanApproval(true);
    long total = estimate(spec);
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
        .getJobId();
    JobOptionsTest.awaitState(mesh, id, JobState.JOB_STATE_AWAITING_APPROVAL);
    mesh.restartWithMonthlyLimit(total / 2);
    assertThatThrownBy(() -> mesh.pipeline().approvePlan(ApprovePlanRequest.newBuilder()
        .setJobId(id).build())).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription()).startsWith("monthly limit: the approved plan");
        });
    assertThat(fake.total()).isZero();
  }

  @Test
  void aRegenerationOverWhatIsLeftOfTheMonthIsRefusedBeforeAnyPaidCall() {
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(OpenAiJobTest.spec("openai", "motion", "none")).build()).getJobId();
    mesh.watchToEnd(id, 0);
    assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    long spent = mesh.engine().ledger().budget().getSpentMicros();
    int calls = fake.total();
    long events = mesh.job(id).getLastSequence();
    mesh.restartWithMonthlyLimit(spent + 1);
    assertThatThrownBy(() -> mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder()
        .setJobId(id).addFrames(FrameSelector.newBuilder().setClipIndex(0)
            .setFrame(FrameKind.FRAME_KIND_START)).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription())
              .startsWith("monthly limit: regenerating clip 1 is estimated at")
              .contains("$0.0000 left");
        });
    assertThat(fake.total()).isEqualTo(calls);
    assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(mesh.job(id).getLastSequence()).isEqualTo(events);
  }

  @Test
  void aRegenerationOverItsOwnCapIsRefusedAndANegativeCapNamesTheField() {
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(OpenAiJobTest.spec("openai", "motion", "none")).build()).getJobId();
    mesh.watchToEnd(id, 0);
    int calls = fake.total();
    long events = mesh.job(id).getLastSequence();
    RegenerateClipsRequest.Builder redo = RegenerateClipsRequest.newBuilder().setJobId(id)
        .addFrames(FrameSelector.newBuilder().setClipIndex(0).setFrame(FrameKind.FRAME_KIND_START));
    assertThatThrownBy(() -> mesh.pipeline().regenerateClips(redo.setBudgetCapMicros(1).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription())
              .startsWith("budget_cap_micros: regenerating clip 1 is estimated at $")
              .contains("over this regeneration's cap of $0.0000");
        });
    assertThatThrownBy(() -> mesh.pipeline().regenerateClips(redo.setBudgetCapMicros(-5).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("budget_cap_micros: must be 0");
        });
    assertThat(fake.total()).isEqualTo(calls);
    assertThat(mesh.job(id).getLastSequence()).isEqualTo(events);
  }

  @Test
  void aMissingReferenceOrMusicFileIsRefusedAtSubmit() {
    JobSpec.Builder reference = TestMesh.quickSpec("a kettle", 8).addReferences(
        UserReference.newBuilder().setImage(ImageSource.newBuilder().setArtifact(
            ArtifactRef.newBuilder().setUri("uploads/missing.png"))));
    StatusRuntimeException e = refused(reference);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).startsWith("spec.references[0].image.artifact");
    JobSpec.Builder music = TestMesh.quickSpec("a kettle", 8).setMusic(MusicChoice.newBuilder()
        .setFile(ArtifactRef.newBuilder().setUri("uploads/missing.wav")));
    e = refused(music);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).startsWith("spec.music.file");
  }
}
