package dev.reelmesh.orchestrator.bench;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.mesh.MeshChannels;
import dev.reelmesh.orchestrator.pipeline.PipelineServices;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.speech.NoSpeechProvider;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.Providers;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.WatchJobRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks for docs/bench/orchestrator.md. Not part of the normal suite (the class name does
 * not end in Test); run with
 * {@code ./mvnw -o -B -pl orchestrator -am verify -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=PipelineBenchmark | grep BENCH}. It prints figures and asserts nothing about speed.
 */
class PipelineBenchmark {
  @TempDir Path dir;

  @Test
  void offlineThirtySecondJob() throws Exception {
    List<Double> seconds = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      try (TestMesh mesh = TestMesh.start(dir.resolve("run" + run))) {
        JobSpec spec = TestMesh.quickSpec("a 30-second ad for a ceramic pour-over kettle, warm "
            + "morning light", 30).setQualityTier(QualityTier.QUALITY_TIER_STANDARD)
            .setVariations(4).setSeed(run + 1).build();
        long started = System.nanoTime();
        String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec)
            .build()).getJobId();
        mesh.watchToEnd(id, 0);
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (mesh.job(id).getState() != JobState.JOB_STATE_SUCCEEDED) {
          throw new AssertionError("job failed: " + mesh.job(id).getError());
        }
        seconds.add(elapsed);
        dev.reelmesh.v1.JobResult result = mesh.job(id).getResult();
        System.out.printf(Locale.ROOT, "BENCH offline-30s-1280x720 run %d: %.1f s (video %.2f s)"
            + " stages: %s%n", run + 1, elapsed, result.getDurationSeconds(),
            result.getTimingsList().stream().map(t -> String.format(Locale.ROOT, "%s %.1f",
                t.getStage().name().replace("STAGE_", "").toLowerCase(Locale.ROOT),
                t.getSeconds())).collect(java.util.stream.Collectors.joining(", ")));
      }
    }
    Collections.sort(seconds);
    System.out.printf(Locale.ROOT, "BENCH offline-30s-1280x720 median %.1f s (min %.1f, max %.1f)%n",
        seconds.get(1), seconds.get(0), seconds.get(2));
  }

  @Test
  void engineThroughputWithInstantProviders() throws Exception {
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    try (InProcessService llm = InProcessService.start(new InstantServices.Llm());
        InProcessService scoring = InProcessService.start(new InstantServices.Scoring());
        InProcessService media = InProcessService.start(new InstantServices.Media())) {
      MeshChannels channels = new MeshChannels(llm.channel(), scoring.channel(), media.channel());
      ImageProvider image = new ImageProvider() {
        @Override
        public String name() {
          return "instant";
        }

        @Override
        public List<Path> generate(ImageRequest request) throws Exception {
          Files.createDirectories(request.outDir());
          List<Path> out = new ArrayList<>();
          for (int v = 0; v < request.variations(); v++) {
            Path file = request.outDir().resolve("c" + request.clipIndex() + request.frame()
                + v + ".png");
            Files.write(file, new byte[] {(byte) v});
            out.add(file);
          }
          return out;
        }
      };
      try (PipelineServices pipeline = PipelineServices.start(settings, channels,
          ProviderFactory.fixed((choices, ch) -> new Providers(image,
              new MotionVideoProvider(ch.media()), new NoSpeechProvider())),
          new JobEngine.Options(4, 8, 50_000_000L),
          dev.reelmesh.orchestrator.testing.TestDatabase.fresh());
          InProcessService server = InProcessService.start(pipeline.services())) {
        PipelineServiceGrpc.PipelineServiceBlockingStub stub =
            PipelineServiceGrpc.newBlockingStub(server.channel());
        int jobs = 200;
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        PipelineServiceGrpc.PipelineServiceStub async =
            PipelineServiceGrpc.newStub(server.channel());
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
          String id = stub.submitJob(SubmitJobRequest.newBuilder().setSpec(
              TestMesh.quickSpec("bench job " + j, 16).setNarrationOff(true)).build()).getJobId();
          ids.add(id);
          // One async watcher per job, subscribed right after submit: latency is append → receipt.
          CompletableFuture<Void> finished = new CompletableFuture<>();
          done.add(finished);
          async.watchJob(WatchJobRequest.newBuilder().setJobId(id).build(),
              new io.grpc.stub.StreamObserver<JobEvent>() {
                @Override
                public void onNext(JobEvent e) {
                  long sent = e.getTime().getSeconds() * 1_000_000L + e.getTime().getNanos() / 1000;
                  java.time.Instant now = java.time.Instant.now();
                  long received = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
                  latenciesMicros.add(Math.max(0, received - sent));
                }

                @Override
                public void onError(Throwable t) {
                  finished.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                  finished.complete(null);
                }
              });
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        double minutes = (System.nanoTime() - started) / 60e9;
        // Only jobs that succeeded count: a stream that ended on a failure is not throughput.
        long succeeded = ids.stream().filter(id -> stub.getJob(dev.reelmesh.v1.GetJobRequest
            .newBuilder().setJobId(id).build()).getState() == JobState.JOB_STATE_SUCCEEDED)
            .count();
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "BENCH engine: %d of %d jobs succeeded (4 clips each) in "
            + "%.1f s = %.0f succeeded jobs/minute; %d events, latency p50 %.1f ms, p99 %.1f ms%n",
            succeeded, jobs, minutes * 60, succeeded / minutes, sorted.size(),
            sorted.get(sorted.size() / 2) / 1000.0,
            sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
      }
    }
  }

  /**
   * 1,000 concurrent watchers: 50 jobs parked at plan approval (their streams stay open), 20
   * watchers each; heap used after a GC with the watchers attached, against before.
   */
  @Test
  void thousandWatchersHeap() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir.resolve("watchers"))) {
      List<String> ids = new ArrayList<>();
      for (int j = 0; j < 50; j++) {
        ids.add(mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
            TestMesh.quickSpec("parked job " + j, 8).setRequirePlanApproval(true)).build())
            .getJobId());
      }
      Thread.sleep(5000); // every job reaches the approval gate
      long before = usedAfterGc();
      PipelineServiceGrpc.PipelineServiceStub async =
          PipelineServiceGrpc.newStub(mesh.pipelineChannel());
      List<io.grpc.Context.CancellableContext> watchers = new ArrayList<>();
      java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
      for (String id : ids) {
        for (int w = 0; w < 20; w++) {
          io.grpc.Context.CancellableContext context = io.grpc.Context.current().withCancellation();
          watchers.add(context);
          context.run(() -> async.watchJob(WatchJobRequest.newBuilder().setJobId(id).build(),
              new io.grpc.stub.StreamObserver<JobEvent>() {
                @Override
                public void onNext(JobEvent e) {
                  received.incrementAndGet();
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onCompleted() {}
              }));
        }
      }
      Thread.sleep(3000);
      long with = usedAfterGc();
      System.out.printf(Locale.ROOT, "BENCH watchers: %d watchers on %d jobs, %d events "
          + "delivered; heap used after GC %.1f MiB before, %.1f MiB with them (+%.1f MiB, max "
          + "heap %.0f MiB)%n", watchers.size(), ids.size(), received.get(), before / 1048576.0,
          with / 1048576.0, (with - before) / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
      watchers.forEach(c -> c.cancel(null));
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
