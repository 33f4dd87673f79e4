package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import com.google.protobuf.ByteString;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UserReference;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole jobs on the OpenAI providers, against a fake OpenAI server, through the real client. */
class OpenAiJobTest {
  static final String KEY = "sk-test-never-printed";
  @TempDir Path dir;
  FakeOpenAi fake;
  TestMesh mesh;

  static ProviderFactory factory(FakeOpenAi fake) {
    return TestRegistries.openAi(KEY, fake.baseUrl());
  }

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAi.start();
    fake.png = TestMedia.png(96, 64);
    fake.wav = TestMedia.wav(1.0);
    mesh = TestMesh.start(dir, null, factory(fake));
    fake.mp4 = TestMedia.mp4(mesh, 8);
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    fake.close();
  }

  private String submit(JobSpec.Builder spec) {
    return mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build())
        .getJobId();
  }

  static JobSpec.Builder spec(String image, String video, String speech) {
    JobSpec.Builder spec = TestMesh.quickSpec("a ceramic kettle pouring at dawn", 8);
    spec.getProvidersBuilder().setImage(image).setVideo(video).setSpeech(speech);
    return spec;
  }

  @Test
  void aWholeJobOnOpenAiSucceedsAndIsBilled() {
    long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
    String id = submit(spec("openai", "openai", "openai"));
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int clips = job.getResult().getPlan().getClipsCount();
    // The first frame has nothing to anchor to; every later one goes through the edit endpoint.
    assertThat(fake.count(FakeOpenAi.GENERATIONS)).isEqualTo(1);
    assertThat(fake.count(FakeOpenAi.EDITS)).isEqualTo(2 * clips - 1);
    assertThat(fake.createdVideos).hasSize(clips);
    assertThat(fake.count(FakeOpenAi.VIDEO_CONTENT)).isEqualTo(clips);
    assertThat(fake.count(FakeOpenAi.SPEECH)).isPositive();
    assertThat(fake.authorizations).allMatch(a -> a.equals("Bearer " + KEY));
    // Each edit carries its anchor (the previous frame of the chain) as a reference image.
    assertThat(fake.editImageParts).hasSize(2 * clips - 1).allMatch(parts -> parts == 1);
    List<CostLine> lines = job.getResult().getCost().getLinesList();
    for (String stage : List.of("storyboard", "clips", "audio")) {
      assertThat(lines).filteredOn(l -> l.getStage().equals(stage))
          .isNotEmpty().allSatisfy(l -> {
            assertThat(l.getProvider()).isEqualTo("openai");
            assertThat(l.getActualMicros()).isPositive();
            assertThat(l.getEstimatedMicros()).isPositive();
          });
    }
    long billed = lines.stream().mapToLong(CostLine::getActualMicros).sum();
    assertThat(mesh.engine().ledger().budget().getSpentMicros() - spentBefore)
        .isEqualTo(billed);
    assertThat(job.getResult().getEnginesMap().get("video").getEngine()).isEqualTo("openai");
    assertThat(job.getResult().getEnginesMap().get("speech").getEngine()).isEqualTo("openai");
    assertThat(job.getResult().getClipsList()).allSatisfy(c ->
        assertThat(mesh.probe(c).getDurationSeconds()).isGreaterThan(7.5));
    // The fake's clips are 8 s for shorter slots: assembly keeps the planned part, says so, and
    // the video has the planned length.
    assertThat(events).filteredOn(e -> e.getMessage().contains("assembly uses the first"))
        .hasSize(clips);
    assertThat(mesh.probe(job.getResult().getVideo()).getDurationSeconds())
        .isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  void aUserReferenceAnchorsEveryFrameThroughTheEditEndpoint() throws Exception {
    JobSpec.Builder spec = spec("openai", "motion", "none");
    spec.addReferences(UserReference.newBuilder().setImage(ImageSource.newBuilder()
        .setData(ByteString.copyFrom(TestMedia.png(80, 80)))));
    String id = submit(spec);
    mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int clips = job.getResult().getPlan().getClipsCount();
    assertThat(fake.count(FakeOpenAi.GENERATIONS)).isZero();
    // The first frame: the reference alone; every later one: the reference and its chain frame.
    assertThat(fake.editImageParts).hasSize(2 * clips);
    assertThat(fake.editImageParts.get(0)).isEqualTo(1);
    assertThat(fake.editImageParts.subList(1, 2 * clips)).allMatch(parts -> parts == 2);
  }

  @Test
  void aRateLimitIsRetriedInsideTheCall() {
    fake.failNext(FakeOpenAi.GENERATIONS, 429, 1);
    String id = submit(spec("openai", "motion", "none"));
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(fake.count(FakeOpenAi.GENERATIONS)).isEqualTo(2);
    assertThat(events).filteredOn(JobEvent::hasWarning)
        .noneMatch(e -> e.getWarning().getCode().equals("image_retry"));
    // The retry is visible: one event naming the step, the attempt and the provider's reason.
    assertThat(events).filteredOn(JobEvent::hasRetry).singleElement().satisfies(e -> {
      assertThat(e.getRetry().getAttempt()).isEqualTo(1);
      assertThat(e.getRetry().getReason()).contains("429");
    });
    // Only the images that came back are billed: the refused attempt cost nothing.
    int frames = mesh.job(id).getResult().getPlan().getClipsCount() * 2;
    assertThat(mesh.job(id).getResult().getCost().getLinesList())
        .filteredOn(l -> l.getStage().equals("storyboard"))
        .hasSize(frames).allSatisfy(l -> assertThat(l.getQuantity()).isEqualTo(2));
  }

  @Test
  void anImageRequestWhoseAnswerIsLostIsChargedUnreconciledAndItsRetryHeldAnew() {
    fake.failNext(FakeOpenAi.GENERATIONS, FakeOpenAi.DROP, 1);
    String id = submit(spec("openai", "motion", "none"));
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(fake.count(FakeOpenAi.GENERATIONS)).isEqualTo(2);
    assertThat(events).filteredOn(JobEvent::hasRetry).singleElement().satisfies(e ->
        assertThat(e.getRetry().getReason()).contains("cannot reach OpenAI"));
    // The lost attempt may have been billed: its estimate stays charged, marked unreconciled,
    // beside the retry's own settled line; the bill and the ledger agree.
    List<CostLine> storyboard = job.getResult().getCost().getLinesList().stream()
        .filter(l -> l.getStage().equals("storyboard")).toList();
    int frames = job.getResult().getPlan().getClipsCount() * 2;
    assertThat(storyboard).hasSize(frames + 1);
    assertThat(storyboard).filteredOn(CostLine::getUnreconciled).singleElement().satisfies(l ->
        assertThat(l.getActualMicros()).isEqualTo(l.getEstimatedMicros()).isPositive());
    assertThat(mesh.engine().ledger().budget().getUnreconciledCalls()).isEqualTo(1);
    assertThat(fake.bills).filteredOn(b -> b.endpoint().equals(FakeOpenAi.GENERATIONS))
        .hasSize(1);
  }

  @Test
  void imagesThatKeepFailingDegradeToTitleCardsWithEvents() {
    fake.failAlways(FakeOpenAi.GENERATIONS, 500);
    fake.failAlways(FakeOpenAi.EDITS, 500);
    String id = submit(spec("openai", "motion", "none"));
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int frames = job.getResult().getPlan().getClipsCount() * 2;
    assertThat(events).filteredOn(JobEvent::hasWarning)
        .filteredOn(e -> e.getWarning().getCode().equals("image_retry"))
        .hasSize(frames).allSatisfy(e -> assertThat(e.getWarning().getMessage())
            .contains("OpenAI answered 500").contains("after 6 attempts"));
    assertThat(events).filteredOn(JobEvent::hasFallback)
        .filteredOn(e -> e.getFallback().getComponent().equals("image"))
        .hasSize(frames).allSatisfy(e -> {
          assertThat(e.getFallback().getWanted()).isEqualTo("openai");
          assertThat(e.getFallback().getUsed()).isEqualTo("title card");
        });
    // 6 attempts per call, 2 calls (the stage's retry) per frame; nothing billed.
    assertThat(fake.count(FakeOpenAi.GENERATIONS) + fake.count(FakeOpenAi.EDITS))
        .isEqualTo(frames * 2 * 6);
    assertThat(job.getResult().getCost().getActualTotalMicros()).isZero();
  }

  @Test
  void aModelTheGatewayDoesNotServeFallsBackToTheNextVideoProviderUncharged() {
    fake.failNext(FakeOpenAi.VIDEOS, 404, 10);
    long spentBefore = mesh.engine().ledger().budget().getSpentMicros();
    String id = submit(spec("animatic", "openai:seedance-1-pro,motion", "none")
        .setMaxParallelClips(1));
    List<JobEvent> events = mesh.watchToEnd(id, 0);
    Job job = mesh.job(id);
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(events).filteredOn(JobEvent::hasFallback).map(JobEvent::getFallback)
        .filteredOn(f -> f.getComponent().equals("video")).singleElement().satisfies(f -> {
          assertThat(f.getWanted()).isEqualTo("openai:seedance-1-pro");
          assertThat(f.getUsed()).isEqualTo("motion");
          assertThat(f.getReason()).contains("404");
        });
    assertThat(fake.count(FakeOpenAi.VIDEOS)).isEqualTo(1);
    assertThat(job.getResult().getEnginesMap().get("video").getEngine()).isEqualTo("motion");
    assertThat(job.getResult().getCost().getLinesList()).filteredOn(l -> l.getStage()
        .equals("clips")).allSatisfy(l -> assertThat(l.getActualMicros()).isZero());
    assertThat(mesh.engine().ledger().budget().getSpentMicros()).isEqualTo(spentBefore);
  }
}
