package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestProviders;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.SubmitJobRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented degradations, cancellation and crash recovery, with failures injected. */
class JobFailureTest {
  @TempDir Path dir;

  /** A scoring service that is down. */
  static final class DownScoring extends ScoringServiceGrpc.ScoringServiceImplBase {
    @Override
    public void rankVariations(RankVariationsRequest request,
        StreamObserver<RankVariationsResponse> out) {
      out.onError(Status.UNAVAILABLE.withDescription("scorer offline (injected)")
          .asRuntimeException());
    }
  }

  private static String submit(TestMesh mesh, double seconds) {
    return mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(TestMesh.quickSpec("a lighthouse at dawn, waves and gulls", seconds)
            .setNarrationOff(true))
        .build()).getJobId();
  }

  @Test
  void anImageFailureIsRetriedOnceAndAScoringOutageFallsBackToTheFirstImage() throws Exception {
    TestProviders providers = new TestProviders();
    providers.imageFails = call -> call == 1;
    try (TestMesh mesh = TestMesh.start(dir, new DownScoring(), providers)) {
      String id = submit(mesh, 8);
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(events).filteredOn(JobEvent::hasWarning)
          .anyMatch(e -> e.getWarning().getCode().equals("image_retry"));
      List<JobEvent> scoring = events.stream().filter(JobEvent::hasFallback)
          .filter(e -> e.getFallback().getComponent().equals("scoring")).toList();
      int frames = mesh.job(id).getResult().getPlan().getClipsCount() * 2;
      assertThat(scoring).hasSize(frames).allSatisfy(e -> {
        assertThat(e.getFallback().getUsed()).isEqualTo("first image");
        assertThat(e.getFallback().getReason()).contains("UNAVAILABLE");
      });
      assertThat(mesh.job(id).getResult().getFramesList())
          .allSatisfy(f -> assertThat(f.getChosen()).isZero());
    }
  }

  @Test
  void aClipWhoseFramesKeepFailingIsMarkedFailedAndTheVideoStillFinishes() throws Exception {
    TestProviders providers = new TestProviders();
    providers.clipImageFails = clip -> clip == 1;
    try (TestMesh mesh = TestMesh.start(dir, null, providers)) {
      String id = submit(mesh, 8);
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      Job job = mesh.job(id);
      assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(events).filteredOn(JobEvent::hasFallback)
          .filteredOn(e -> e.getFallback().getComponent().equals("image"))
          .hasSize(2)
          .allSatisfy(e -> {
            assertThat(e.getFallback().getClipIndex()).isEqualTo(1);
            assertThat(e.getFallback().getUsed()).isEqualTo("title card");
          });
      assertThat(mesh.probe(job.getResult().getVideo()).getDurationSeconds())
          .isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.15));
    }
  }

  @Test
  void aClipRenderThatFailsTransientlyIsRetriedOnceAndTheRetryIsAnEvent() throws Exception {
    TestProviders providers = new TestProviders();
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    providers.video = channels -> new VideoProvider() {
      final MotionVideoProvider real = new MotionVideoProvider(channels.media());

      @Override
      public String name() {
        return "motion";
      }

      @Override
      public Rendered render(ClipRequest r) {
        if (r.clipIndex() == 1 && calls.incrementAndGet() == 1) {
          throw Status.UNAVAILABLE.withDescription("render farm busy (injected)")
              .asRuntimeException();
        }
        return real.render(r);
      }
    };
    try (TestMesh mesh = TestMesh.start(dir, null, providers)) {
      String id = submit(mesh, 8);
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(calls).hasValue(2);
      assertThat(events).filteredOn(JobEvent::hasRetry).singleElement().satisfies(e -> {
        assertThat(e.getRetry().getStep()).isEqualTo("clip 2");
        assertThat(e.getRetry().getAttempt()).isEqualTo(1);
        assertThat(e.getRetry().getReason()).contains("UNAVAILABLE")
            .contains("render farm busy (injected)");
      });
    }
  }

  @Test
  void cancellingMidJobStopsTheMediaWorkAndEndsCancelled() throws Exception {
    TestProviders providers = new TestProviders();
    // A long, large render keeps FFmpeg busy while the job is cancelled.
    providers.video = channels -> new VideoProvider() {
      final MotionVideoProvider real = new MotionVideoProvider(channels.media());

      @Override
      public String name() {
        return "motion";
      }

      @Override
      public Rendered render(ClipRequest r) {
        return real.render(new ClipRequest(r.clipIndex(), r.startFrame(), r.endFrame(), 60,
            new dev.reelmesh.orchestrator.spec.FrameSize(1920, 1080), 60, r.prompt(),
            r.outputPath(), r.stepKey()));
      }
    };
    try (TestMesh mesh = TestMesh.start(dir, null, providers)) {
      String id = submit(mesh, 8);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (providers.videoCalls.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      assertThat(ffmpegChildren()).as("a render is running").isPositive();
      Job cancelled = mesh.pipeline().cancelJob(CancelJobRequest.newBuilder().setJobId(id)
          .setReason("changed my mind").build());
      assertThat(cancelled.getState()).isEqualTo(JobState.JOB_STATE_CANCELLED);
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      assertThat(events.get(events.size() - 1).getState())
          .isEqualTo(JobState.JOB_STATE_CANCELLED);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ffmpegChildren() > 0 && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(ffmpegChildren()).as("FFmpeg children left").isZero();
    }
  }

  @Test
  void aJobInterruptedByACrashResumesWithoutRedoingFinishedSteps() throws Exception {
    TestProviders providers = new TestProviders();
    java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
    // First life: clip renders stall until the engine is stopped.
    providers.video = channels -> new VideoProvider() {
      @Override
      public String name() {
        return "motion";
      }

      @Override
      public Rendered render(ClipRequest request) throws Exception {
        stalled.countDown();
        io.grpc.Context context = io.grpc.Context.current();
        while (!context.isCancelled()) {
          Thread.sleep(20);
        }
        throw Status.CANCELLED.withDescription("stopped").asRuntimeException();
      }
    };
    try (TestMesh mesh = TestMesh.start(dir, null, providers)) {
      String id = submit(mesh, 8);
      assertThat(stalled.await(2, TimeUnit.MINUTES)).isTrue();
      int imagesBefore = providers.imageCalls.get();
      assertThat(imagesBefore).isPositive();
      mesh.stopPipeline();
      providers.video = null;
      mesh.startPipeline();
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(providers.imageCalls.get()).as("storyboard not regenerated")
          .isEqualTo(imagesBefore);
      assertThat(events).anyMatch(e -> e.getMessage().startsWith("resuming after a restart"));
      assertThat(events.stream().filter(JobEvent::hasPlanReady)).hasSize(1);
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).getSequence()).isEqualTo(i + 1L);
      }
    }
  }

  private static long ffmpegChildren() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
        .count();
  }
}
