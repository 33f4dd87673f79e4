package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.FrameVariation;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ProbeResponse;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.StreamInfo;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.SubmitJobResponse;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One offline job through the whole in-process mesh (real llm, scoring and media services), then
 * the questions a client asks about it. The job runs once; the tests share it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
  TestMesh mesh;
  String jobId;
  List<JobEvent> events;
  List<JobEvent> secondWatcher;

  @BeforeAll
  void runOneJob(@TempDir Path dir) throws Exception {
    mesh = TestMesh.start(dir);
    SubmitJobResponse submitted = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(TestMesh.quickSpec("a 12-second ad for a ceramic pour-over kettle, warm "
            + "morning light", 12))
        .setIdempotencyKey("kettle-1").build());
    jobId = submitted.getJobId();
    CompletableFuture<List<JobEvent>> second =
        CompletableFuture.supplyAsync(() -> mesh.watchToEnd(jobId, 0));
    events = mesh.watchToEnd(jobId, 0);
    secondWatcher = second.get(5, TimeUnit.MINUTES);
  }

  @AfterAll
  void stop() throws Exception {
    mesh.close();
  }

  private JobResult result() {
    return mesh.job(jobId).getResult();
  }

  @Test
  @Order(1)
  void producesAnMp4WhoseProbedDurationMatchesThePlan() {
    Job job = mesh.job(jobId);
    assertThat(job.getState()).as("events: %s", events.stream().filter(JobEvent::hasError)
        .toList()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    JobResult result = job.getResult();
    ProbeResponse probe = mesh.probe(result.getVideo());
    assertThat(probe.getDurationSeconds()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.15));
    assertThat(probe.getStreamsList()).extracting(StreamInfo::getType)
        .contains("video", "audio");
    StreamInfo video = probe.getStreamsList().stream().filter(s -> s.getType().equals("video"))
        .findFirst().orElseThrow();
    assertThat(video.getWidth()).isEqualTo(640);
    assertThat(video.getHeight()).isEqualTo(360);
    assertThat(result.getPlan().getClipsList()).isNotEmpty();
    assertThat(Files.isRegularFile(mesh.file(result.getStoryboard()))).isTrue();
    assertThat(Files.isRegularFile(mesh.file(result.getReport()))).isTrue();
    assertThat(result.getEnginesMap()).containsKeys("llm", "image", "video", "scoring");
  }

  @Test
  @Order(2)
  void eventsArriveInOrderToOneHundredPercent() {
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).getSequence()).isEqualTo(i + 1L);
      if (i > 0) {
        assertThat(events.get(i).getPercent()).isGreaterThanOrEqualTo(
            events.get(i - 1).getPercent());
      }
    }
    assertThat(events.get(events.size() - 1).getPercent()).isEqualTo(100.0);
    assertThat(events.get(events.size() - 1).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(events).anyMatch(JobEvent::hasPlanReady);
    assertThat(events).anyMatch(JobEvent::hasResult);
    List<Stage> stages = events.stream().map(JobEvent::getStage).distinct().toList();
    assertThat(stages).containsSubsequence(Stage.STAGE_PLAN, Stage.STAGE_STORYBOARD,
        Stage.STAGE_CLIP_PROMPTS, Stage.STAGE_CLIPS, Stage.STAGE_AUDIO, Stage.STAGE_ASSEMBLE,
        Stage.STAGE_DELIVER);
  }

  @Test
  @Order(2)
  void offlineClipsAreStillsRenderedInTheFinalEncodeWithAPreviewEach() {
    JobResult result = result();
    List<JobEvent> ready = events.stream().filter(JobEvent::hasClipReady).toList();
    assertThat(ready).hasSize(result.getPlan().getClipsCount()).allSatisfy(e -> {
      assertThat(e.getClipReady().hasStill()).isTrue();
      assertThat(e.getClipReady().hasClip()).isFalse();
      assertThat(e.getMessage()).contains("a still with a").contains("motion engine");
    });
    // No clip file is rendered: the clips folder holds only the final encode's previews.
    assertThat(result.getClipsList()).hasSize(result.getPlan().getClipsCount())
        .allSatisfy(preview -> {
          ProbeResponse probe = mesh.probe(preview);
          assertThat(probe.getStreamsList()).filteredOn(st -> st.getType().equals("video"))
              .singleElement().satisfies(v -> assertThat(v.getHeight()).isEqualTo(180));
        });
    for (int i = 0; i < result.getClipsCount(); i++) {
      PlannedClip planned = result.getPlan().getClips(i);
      double slot = planned.getEndSeconds() - planned.getStartSeconds();
      assertThat(mesh.probe(result.getClips(i)).getDurationSeconds())
          .isGreaterThanOrEqualTo(slot - 0.1).isLessThanOrEqualTo(slot + 0.6);
    }
  }

  @Test
  @Order(2)
  void theResultAndTheReportGiveEachStagesDurationAndTheTotal() throws Exception {
    JobResult result = result();
    assertThat(result.getTimingsList()).extracting(dev.reelmesh.v1.StageTiming::getStage)
        .containsSubsequence(Stage.STAGE_PLAN, Stage.STAGE_STORYBOARD, Stage.STAGE_CLIPS,
            Stage.STAGE_ASSEMBLE, Stage.STAGE_DELIVER);
    double sum = result.getTimingsList().stream()
        .mapToDouble(dev.reelmesh.v1.StageTiming::getSeconds).sum();
    // Measured against the events' own clock: the run spans its first to its last event.
    double first = seconds(events.stream().filter(e -> e.getState() == JobState.JOB_STATE_RUNNING)
        .findFirst().orElseThrow());
    double last = seconds(events.stream().filter(JobEvent::hasResult).findFirst().orElseThrow());
    assertThat(result.getTotalSeconds()).isBetween(last - first - 0.5, last - first + 0.05);
    assertThat(sum).isCloseTo(result.getTotalSeconds(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(result.getTimingsList()).allSatisfy(t -> assertThat(t.getSeconds()).isNotNegative());
    String report = Files.readString(mesh.file(result.getReport()));
    assertThat(report).contains("| stage | started at (s) | took (s) |")
        .contains(String.format(java.util.Locale.ROOT, "| **total** | | **%.1f** |",
            result.getTotalSeconds()));
  }

  private static double seconds(JobEvent event) {
    return event.getTime().getSeconds() + event.getTime().getNanos() / 1e9;
  }

  @Test
  @Order(3)
  void clipPromptsTravelInTheStream() {
    JobEvent prompts = events.stream().filter(JobEvent::hasClipPrompts).findFirst().orElseThrow();
    assertThat(prompts.getPercent()).isEqualTo(40.0);
    assertThat(prompts.getClipPrompts().getPrompts().getPromptsCount())
        .isEqualTo(result().getPlan().getClipsCount());
  }

  @Test
  @Order(4)
  void everyVariationIsScoredAndTheBestChosenByTheScores() {
    List<FrameResult> frames = events.stream().filter(JobEvent::hasFrameVariations)
        .map(JobEvent::getFrameVariations).toList();
    assertThat(frames).hasSize(result().getPlan().getClipsCount() * 2);
    for (FrameResult frame : frames) {
      assertThat(frame.getVariationsList()).hasSize(2)
          .allSatisfy(v -> assertThat(v.getScoresList()).isNotEmpty());
      FrameVariation best = frame.getVariationsList().stream()
          .max(Comparator.comparingDouble(FrameVariation::getOverall)).orElseThrow();
      assertThat(frame.getVariations(frame.getChosen()).getOverall())
          .isEqualTo(best.getOverall());
      assertThat(frame.getVariations(frame.getChosen()).getRank()).isEqualTo(1);
    }
    assertThat(events.stream().filter(JobEvent::hasBestFrame)).hasSize(frames.size());
  }

  @Test
  @Order(5)
  void twoWatchersEachGetEveryEvent() {
    assertThat(secondWatcher).isEqualTo(events);
  }

  @Test
  @Order(6)
  void aWatcherResumesFromTheLastSequenceItSaw() {
    long seen = events.size() / 2;
    List<JobEvent> rest = mesh.watchToEnd(jobId, seen);
    assertThat(rest).isEqualTo(events.subList((int) seen, events.size()));
    assertThat(mesh.watchToEnd(jobId, events.size())).isEmpty();
  }

  @Test
  @Order(7)
  void theSameIdempotencyKeyReturnsTheSameJob() {
    SubmitJobResponse again = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(TestMesh.quickSpec("something else entirely", 12))
        .setIdempotencyKey("kettle-1").build());
    assertThat(again.getJobId()).isEqualTo(jobId);
    assertThat(again.getDeduplicated()).isTrue();
    assertThat(mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
        .extracting(Job::getJobId).containsExactly(jobId);
  }

  @Test
  @Order(8)
  void badRequestsGetPreciseStatuses() {
    assertStatus(() -> mesh.pipeline().getJob(GetJobRequest.newBuilder().setJobId("job-nope")
        .build()), Status.Code.NOT_FOUND);
    assertStatus(() -> mesh.watchToEnd(jobId, events.size() + 5L), Status.Code.OUT_OF_RANGE);
    assertStatus(() -> mesh.watchToEnd("job-nope", 0), Status.Code.NOT_FOUND);
    assertStatus(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(TestMesh.quickSpec("x", 12).setVariations(17)).build()),
        Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(TestMesh.quickSpec("", 12)).build()), Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> mesh.pipeline().listJobs(ListJobsRequest.newBuilder().setPageSize(-1)
        .build()), Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder()
        .setJobId(jobId).addClipIndices(99).build()), Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> mesh.pipeline().cancelJob(dev.reelmesh.v1.CancelJobRequest.newBuilder()
        .setJobId(jobId).build()), Status.Code.FAILED_PRECONDITION);
    assertThat(mesh.pipeline().getJob(GetJobRequest.newBuilder().setJobId(jobId).build())
        .getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
  }

  @Test
  @Order(9)
  void regeneratingOneClipRedoesOnlyThatClip() {
    JobResult before = result();
    mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder().setJobId(jobId)
        .addClipIndices(0).build());
    List<JobEvent> rerun = mesh.watchToEnd(jobId, events.size());
    assertThat(rerun).filteredOn(JobEvent::hasClipReady).singleElement()
        .satisfies(e -> assertThat(e.getClipReady().getClipIndex()).isZero());
    assertThat(rerun).noneMatch(JobEvent::hasFrameVariations);
    JobResult after = result();
    assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(after.getClips(0).getUri()).isNotEqualTo(before.getClips(0).getUri());
    for (int i = 1; i < before.getClipsCount(); i++) {
      assertThat(after.getClips(i)).isEqualTo(before.getClips(i));
    }
    assertThat(after.getVideo().getUri()).isNotEqualTo(before.getVideo().getUri());
    assertThat(mesh.probe(after.getVideo()).getDurationSeconds())
        .isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.15));
  }

  private long lastSequence() {
    List<JobEvent> all = mesh.watchToEnd(jobId, 0);
    return all.get(all.size() - 1).getSequence();
  }

  @Test
  @Order(10)
  void anInstructionRewordsOnlyTheNamedClipAndRedoesWhatDependsOnIt() throws Exception {
    JobResult before = result();
    String camera = java.util.stream.Stream.of("overhead", "aerial", "close-up")
        .filter(c -> !c.equals(before.getPlan().getClips(1).getCamera())).findFirst().orElseThrow();
    long from = lastSequence();
    mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder().setJobId(jobId)
        .addClipIndices(1).setInstruction("make it " + camera).build());
    List<JobEvent> rerun = mesh.watchToEnd(jobId, from);
    JobResult after = result();
    assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);

    assertThat(after.getPlan().getClips(1).getCamera()).isEqualTo(camera);
    assertThat(rerun).filteredOn(JobEvent::hasPlanReady).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("clip 2: camera '"
            + before.getPlan().getClips(1).getCamera() + "' → '" + camera + "'"));
    // The offline refiner applies an instruction without clip numbers to every clip: the
    // other clips' changes are reported, not applied.
    assertThat(rerun).filteredOn(e -> e.getWarning().getCode().equals("instruction_partly_applied"))
        .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("clip 1"));
    for (int i = 0; i < before.getPlan().getClipsCount(); i++) {
      if (i != 1) {
        assertThat(after.getPlan().getClips(i)).isEqualTo(before.getPlan().getClips(i));
        assertThat(after.getPrompts().getPrompts(i)).isEqualTo(before.getPrompts().getPrompts(i));
        assertThat(after.getClips(i)).isEqualTo(before.getClips(i));
      }
    }
    assertThat(after.getPrompts().getPrompts(1)).isNotEqualTo(before.getPrompts().getPrompts(1));
    assertThat(after.getClips(1).getUri()).isNotEqualTo(before.getClips(1).getUri());
    // A camera change reframes the shot: only that clip's two frames are drawn again, and the
    // pictures differ (the animatic draws a close-up closer).
    assertThat(rerun).filteredOn(JobEvent::hasFrameVariations)
        .extracting(e -> e.getFrameVariations().getClipIndex()).containsOnly(1).hasSize(2);
    for (FrameResult frame : after.getFramesList()) {
      FrameResult old = before.getFramesList().stream()
          .filter(f -> f.getClipIndex() == frame.getClipIndex() && f.getFrame() == frame.getFrame())
          .findFirst().orElseThrow();
      byte[] was = Files.readAllBytes(mesh.file(old.getVariations(old.getChosen()).getImage()));
      byte[] now = Files.readAllBytes(mesh.file(frame.getVariations(frame.getChosen()).getImage()));
      if (frame.getClipIndex() == 1) {
        assertThat(now).as("clip 2's redrawn frame").isNotEqualTo(was);
      } else {
        assertThat(now).as("clip %d's kept frame", frame.getClipIndex() + 1).isEqualTo(was);
      }
    }
    assertThat(mesh.probe(after.getVideo()).getDurationSeconds())
        .isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  @Order(11)
  void aNarrationChangeIsSpokenAgainAndCaptioned() throws Exception {
    JobResult before = result();
    String line = before.getPlan().getClips(0).getNarration();
    assertThat(line.split(" ")).hasSizeGreaterThan(2);
    long from = lastSequence();
    mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder().setJobId(jobId)
        .addClipIndices(0).setInstruction("shorter narration").build());
    mesh.watchToEnd(jobId, from);
    JobResult after = result();
    String shorter = after.getPlan().getClips(0).getNarration();
    assertThat(shorter.split(" ").length).isLessThan(line.split(" ").length);
    String captions = Files.readString(mesh.file(after.getCaptions()));
    assertThat(captions).contains(shorter).doesNotContain(line);
    assertThat(after.getPlan().getClips(1)).isEqualTo(before.getPlan().getClips(1));
  }

  @Test
  @Order(12)
  void instructionsThatCannotApplyAreRefusedAndTheJobIsUntouched() {
    JobResult before = result();
    int clips = before.getPlan().getClipsCount();
    // "clip N" counts from 1: this names the last clip while index 0 is regenerated.
    assertStatus(() -> mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder()
        .setJobId(jobId).addClipIndices(0).setInstruction("make clip " + clips + " aerial")
        .build()), Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder()
        .setJobId(jobId).addClipIndices(0).setInstruction("x".repeat(2001)).build()),
        Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> mesh.pipeline().regenerateClips(RegenerateClipsRequest.newBuilder()
        .setJobId(jobId).addClipIndices(0).setInstruction("sing it in French").build()),
        Status.Code.INVALID_ARGUMENT);
    assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(result()).isEqualTo(before);
  }

  @Test
  @Order(13)
  void afterARestartTheEndedJobAnswersAsBefore() {
    Job before = mesh.job(jobId);
    List<Job> listed = mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance())
        .getJobsList();
    List<JobEvent> watched = mesh.watchToEnd(jobId, 0);
    mesh.stopPipeline();
    mesh.startPipeline();
    // The new engine did not read the ended job at start: listed from the store, read in full
    // when asked for, it answers as the engine that ran it did.
    assertThat(mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
        .isEqualTo(listed);
    assertThat(mesh.job(jobId)).isEqualTo(before);
    assertThat(mesh.watchToEnd(jobId, 0)).isEqualTo(watched);
    SubmitJobResponse again = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(TestMesh.quickSpec("something else entirely", 12))
        .setIdempotencyKey("kettle-1").build());
    assertThat(again.getJobId()).isEqualTo(jobId);
    assertThat(again.getDeduplicated()).isTrue();
  }

  private static void assertStatus(Runnable call, Status.Code code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code));
  }
}
