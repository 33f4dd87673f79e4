package dev.reelmesh.orchestrator.bench;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.channel.MeshChannels;
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
    try (InstantMesh mesh = new InstantMesh()) {
      Throughput t = throughput(mesh.engines(settings, dev.reelmesh.orchestrator.testing
          .TestDatabase.fresh(), 1, 4, 8), 200);
      System.out.printf(Locale.ROOT, "BENCH engine: %s%n", t);
    }
  }

  /**
   * Jobs/minute with two orchestrators (2 job workers and 4 clip workers each) on one database
   * against one orchestrator with the same total (4 and 8), alternating, three rounds; jobs are
   * submitted to each orchestrator in turn and watched where they run.
   */
  @Test
  void twoOrchestratorsAgainstOne() throws Exception {
    List<Double> one = new ArrayList<>();
    List<Double> two = new ArrayList<>();
    try (InstantMesh mesh = new InstantMesh()) {
      for (int round = 0; round < 3; round++) {
        for (int orchestrators = 1; orchestrators <= 2; orchestrators++) {
          MeshSettings settings = new MeshSettings(dir.resolve("r" + round + "o" + orchestrators),
              dir.resolve("models"));
          Throughput t = throughput(mesh.engines(settings, dev.reelmesh.orchestrator.testing
              .TestDatabase.fresh(), orchestrators, 4 / orchestrators, 8 / orchestrators), 200);
          mesh.stopEngines();
          (orchestrators == 1 ? one : two).add(t.perMinute());
          System.out.printf(Locale.ROOT, "BENCH orchestrators=%d round %d: %s%n",
              orchestrators, round + 1, t);
        }
      }
    }
    Collections.sort(one);
    Collections.sort(two);
    System.out.printf(Locale.ROOT, "BENCH median succeeded jobs/minute: one orchestrator %.0f, "
        + "two orchestrators %.0f (ratio %.2f)%n", one.get(1), two.get(1), two.get(1) / one.get(1));
  }

  /** The instant services and providers of the engine benchmarks, in process. */
  private static final class InstantMesh implements AutoCloseable {
    final InProcessService llm = InProcessService.start(new InstantServices.Llm());
    final InProcessService scoring = InProcessService.start(new InstantServices.Scoring());
    final InProcessService media = InProcessService.start(new InstantServices.Media());
    final MeshChannels channels = new MeshChannels(llm.channel(), scoring.channel(),
        media.channel());
    final List<AutoCloseable> opened = new ArrayList<>();

    /** {@code count} orchestrators on the database at {@code url}, their stubs. */
    List<PipelineServiceGrpc.PipelineServiceStub> engines(MeshSettings settings, String url,
        int count, int jobWorkers, int clipWorkers) {
      List<PipelineServiceGrpc.PipelineServiceStub> stubs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        PipelineServices pipeline = PipelineServices.start(settings, channels,
            ProviderFactory.fixed((choices, ch) -> new Providers(new InstantImages(),
                new MotionVideoProvider(ch.media()), new NoSpeechProvider())),
            new JobEngine.Options(jobWorkers,
                clipWorkers, 50_000_000L).withLease("bench-" + i, JobEngine.Options.DEFAULT_LEASE),
            url);
        InProcessService server = InProcessService.start(pipeline.services());
        opened.add(server);
        opened.add(pipeline);
        stubs.add(PipelineServiceGrpc.newStub(server.channel()));
      }
      return stubs;
    }

    /** Stops the orchestrators {@link #engines} started. */
    void stopEngines() throws Exception {
      for (AutoCloseable c : opened) {
        c.close();
      }
      opened.clear();
    }

    @Override
    public void close() throws Exception {
      stopEngines();
      llm.close();
      scoring.close();
      media.close();
    }
  }

  /** An image provider that writes tiny files at once: the figure is the engine itself. */
  private static final class InstantImages implements ImageProvider {
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
  }

  record Throughput(long succeeded, int jobs, double seconds, int events, double p50Millis,
      double p99Millis) {
    double perMinute() {
      return succeeded / (seconds / 60);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d of %d jobs succeeded (4 clips each) in %.1f s = "
          + "%.0f succeeded jobs/minute; %d events, latency p50 %.1f ms, p99 %.1f ms",
          succeeded, jobs, seconds, perMinute(), events, p50Millis, p99Millis);
    }
  }

  /**
   * Submits {@code jobs} 16 s jobs (4 clips, 2 variations, no narration) to the orchestrators
   * in turn, one async watcher per job subscribed right after submit on the orchestrator that
   * runs it; latency is event append (its timestamp) → receipt. Only jobs that succeeded count.
   */
  private static Throughput throughput(List<PipelineServiceGrpc.PipelineServiceStub> engines,
      int jobs) throws Exception {
    List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> done = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long started = System.nanoTime();
    for (int j = 0; j < jobs; j++) {
      PipelineServiceGrpc.PipelineServiceStub async = engines.get(j % engines.size());
      String id = blocking(async).submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("bench job " + j, 16).setNarrationOff(true)).build()).getJobId();
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
      ids.add(id);
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - started) / 1e9;
    // Only jobs that succeeded count: a stream that ended on a failure is not throughput.
    List<dev.reelmesh.v1.Job> ended = ids.stream().map(id -> blocking(engines.get(0)).getJob(
        dev.reelmesh.v1.GetJobRequest.newBuilder().setJobId(id).build())).toList();
    long succeeded = ended.stream().filter(job -> job.getState() == JobState.JOB_STATE_SUCCEEDED)
        .count();
    ended.stream().filter(job -> job.getState() != JobState.JOB_STATE_SUCCEEDED).findFirst()
        .ifPresent(job -> System.out.println("BENCH first job that did not succeed: "
            + job.getState() + " " + job.getError().getMessage()));
    List<Long> sorted = new ArrayList<>(latenciesMicros);
    Collections.sort(sorted);
    return new Throughput(succeeded, jobs, seconds, sorted.size(),
        sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
  }

  private static PipelineServiceGrpc.PipelineServiceBlockingStub blocking(
      PipelineServiceGrpc.PipelineServiceStub async) {
    return PipelineServiceGrpc.newBlockingStub(async.getChannel());
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
