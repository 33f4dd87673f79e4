package dev.reelmesh.scoring.bench;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.ScoringRuntime;
import dev.reelmesh.scoring.clip.ClipPreprocessor;
import dev.reelmesh.scoring.clip.Embeddings;
import dev.reelmesh.scoring.image.ImageDecoder;
import dev.reelmesh.scoring.image.ImageLimits;
import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Images/second for CLIP scoring: the model called directly in-process (decode, preprocess,
 * encode, cosine) against the same work through the gRPC API (in-process and loopback Netty),
 * and dynamic batching with 16 concurrent callers against batch size 1. Medians of
 * {@code -Dscoring.bench.runs} runs (default 5).
 *
 * <p>Run: see docs/bench/scoring.md.
 */
public final class ScoringBenchmark {
  static final String PROMPT = "a photo of a red kettle in warm morning light";
  static final int RUNS = Integer.getInteger("scoring.bench.runs", 5);

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    List<byte[]> pngs = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      pngs.add(Images.png(Images.blurred(Images.detailed(512, 384, i), 1)));
    }
    System.out.printf(Locale.ROOT, "%d images 512x384 PNG, requests of 4, %d passes per run, "
        + "%d runs, %d cores%n", pngs.size(), passes, RUNS, Runtime.getRuntime().availableProcessors());
    ScoringConfig config = ScoringConfig.defaults().withPollInterval(Duration.ZERO);

    System.out.println("Small tower (~64 M multiply-adds per image):");
    MeshSettings settings = compare(BenchModels.vision(), pngs, passes, config);

    double batched = concurrent(settings, config.withBatching(16, Duration.ofMillis(5)), pngs, passes);
    double greedy = concurrent(settings, config.withBatching(16, Duration.ZERO), pngs, passes);
    double single = concurrent(settings, config.withBatching(1, Duration.ZERO), pngs, passes);
    report("16 callers x 1 image, batch <= 16 (wait <= 5 ms)", batched, single);
    report("16 callers x 1 image, batch <= 16 (no wait)", greedy, single);
    report("16 callers x 1 image, batch size 1", single, single);

    if (Boolean.parseBoolean(System.getProperty("scoring.bench.vit", "true"))) {
      System.out.println("ViT-B/32-cost tower (~4.3 G multiply-adds per image), 16 images, 1 pass:");
      compare(BenchModels.visionVitB32Cost(), pngs.subList(0, 16), 1, config);
    }
  }

  /**
   * Images/second of the same work four ways with {@code vision} installed: direct, and the gRPC
   * API in-process, over loopback Netty with inline bytes, and with ArtifactRefs. Returns the
   * settings (models and artifact root) it used.
   */
  static MeshSettings compare(byte[] vision, List<byte[]> pngs, int passes, ScoringConfig config)
      throws Exception {
    Path dir = Files.createTempDirectory("scoring-bench");
    BenchModels.install(dir.resolve("models"), vision);
    MeshSettings settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    double[] medians;
    try (ScoringRuntime runtime = ScoringRuntime.open(settings, config)) {
      // Direct calls lease the very sessions the service runs: the same model, literally.
      ModelRepository repo = runtime.repository();
      Providers.report(repo, "clip-vision", "clip-text");
      var server = dev.reelmesh.common.testing.InProcessService.start(runtime.services());
      CallTimer timer = new CallTimer();
      ServiceHost host = ServiceHost.start(Transports.netty("127.0.0.1", 0),
          List.of(timer.around(runtime.services().get(0))));
      ManagedChannel channel = Transports.nettyChannel("127.0.0.1:" + host.port());
      List<String> uris = new ArrayList<>();
      Files.createDirectories(settings.artifactRoot().resolve("bench"));
      for (int i = 0; i < pngs.size(); i++) {
        Files.write(settings.artifactRoot().resolve("bench/" + i + ".png"), pngs.get(i));
        uris.add("bench/" + i + ".png");
      }
      // Interleaved runs, so load from other processes on a shared machine hits all four alike.
      // Built once, like the direct path's byte arrays: the client has its images in memory.
      List<ImageSource> inline = inline(pngs);
      List<ImageSource> artifacts = artifacts(uris);
      CallTimer.Split inlineSplit = new CallTimer.Split();
      CallTimer.Split artifactSplit = new CallTimer.Split();
      medians = interleaved(List.of(
          () -> direct(repo, pngs, passes),
          () -> api(server.channel(), inline, passes),
          () -> timer.measure(inlineSplit, () -> api(channel, inline, passes, timer)),
          () -> timer.measure(artifactSplit, () -> api(channel, artifacts, passes, timer))));
      System.out.println("  loopback request, median ms: " + inlineSplit + " (inline); "
          + artifactSplit + " (ArtifactRefs)");
      channel.shutdownNow();
      host.shutdown(1000);
      server.close();
    }
    double direct = medians[0];
    report("direct in-process (decode+preprocess+encode+cos)", direct, direct);
    report("gRPC API, in-process channel", medians[1], direct);
    report("gRPC API, loopback Netty, inline PNG bytes", medians[2], direct);
    report("gRPC API, loopback Netty, ArtifactRefs", medians[3], direct);
    return settings;
  }

  interface Run {
    double imagesPerSecond() throws Exception;
  }

  static double median(Run run) throws Exception {
    run.imagesPerSecond(); // warm-up: JIT, ORT arenas, text-embedding cache
    double[] r = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      r[i] = run.imagesPerSecond();
    }
    Arrays.sort(r);
    return r[RUNS / 2];
  }

  /** Medians of {@link #RUNS} rounds, each round running every benchmark once, in turn. */
  static double[] interleaved(List<Run> runs) throws Exception {
    for (Run run : runs) {
      run.imagesPerSecond(); // warm-up: JIT, ORT arenas, text-embedding cache
    }
    double[][] r = new double[runs.size()][RUNS];
    for (int i = 0; i < RUNS; i++) {
      for (int k = 0; k < runs.size(); k++) {
        r[k][i] = runs.get(k).imagesPerSecond();
      }
    }
    double[] medians = new double[runs.size()];
    for (int k = 0; k < runs.size(); k++) {
      Arrays.sort(r[k]);
      medians[k] = r[k][RUNS / 2];
    }
    return medians;
  }

  /** The same work as the API path, minus gRPC: decode, preprocess, encode (batch 4), cosine. */
  static double direct(ModelRepository repo, List<byte[]> pngs, int passes) {
    ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    long start = System.nanoTime();
    double sink = 0;
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < pngs.size(); i += 4) {
        try (ModelLease vision = repo.lease("clip-vision").orElseThrow();
            ModelLease text = repo.lease("clip-text").orElseThrow()) {
          List<float[]> pixels = new ArrayList<>();
          for (byte[] png : pngs.subList(i, i + 4)) {
            pixels.add(ClipPreprocessor.preprocess(decoder.decode("x", png),
                vision.model().manifest().preprocess()));
          }
          float[] t = text.model().textEmbedding(PROMPT);
          for (float[] e : vision.model().runVision(pixels)) {
            sink += Embeddings.cosine(e, t);
          }
        }
      }
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("NaN score");
    }
    return passes * pngs.size() / ((System.nanoTime() - start) / 1e9);
  }

  static List<ImageSource> inline(List<byte[]> pngs) {
    return pngs.stream().map(ScoringHarness::inline).toList();
  }

  static List<ImageSource> artifacts(List<String> uris) {
    return uris.stream().map(u -> ImageSource.newBuilder()
        .setArtifact(ArtifactRef.newBuilder().setUri(u)).build()).toList();
  }

  static double api(Channel channel, List<ImageSource> images, int passes) {
    return api(channel, images, passes, null);
  }

  /** {@code timer}, when not null, is told when each call was sent and answered. */
  static double api(Channel channel, List<ImageSource> images, int passes, CallTimer timer) {
    var stub = ScoringServiceGrpc.newBlockingStub(channel);
    long start = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < images.size(); i += 4) {
        ScoreImagesRequest request = ScoreImagesRequest.newBuilder().setPrompt(PROMPT)
            .addScorers("clip").addAllImages(images.subList(i, i + 4)).build();
        long sent = System.nanoTime();
        if (stub.scoreImages(request).getResultsCount() != 4) {
          throw new IllegalStateException("short answer");
        }
        if (timer != null) {
          timer.record(sent, System.nanoTime());
        }
      }
    }
    return passes * images.size() / ((System.nanoTime() - start) / 1e9);
  }

  static double concurrent(MeshSettings settings, ScoringConfig config,
      List<byte[]> pngs, int passes) throws Exception {
    try (ScoringRuntime runtime = ScoringRuntime.open(settings, config)) {
      var server = dev.reelmesh.common.testing.InProcessService.start(runtime.services());
      ExecutorService callers = Executors.newFixedThreadPool(16);
      var stub = ScoringServiceGrpc.newBlockingStub(server.channel());
      try {
        return median(() -> {
          long start = System.nanoTime();
          List<CompletableFuture<Void>> all = new ArrayList<>();
          for (int c = 0; c < 16; c++) {
            int caller = c;
            all.add(CompletableFuture.runAsync(() -> {
              for (int p = 0; p < passes; p++) {
                for (int i = caller; i < pngs.size(); i += 16) {
                  stub.scoreImages(ScoreImagesRequest.newBuilder().setPrompt(PROMPT)
                      .addScorers("clip").addImages(ScoringHarness.inline(pngs.get(i))).build());
                }
              }
            }, callers));
          }
          CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
          return passes * pngs.size() / ((System.nanoTime() - start) / 1e9);
        });
      } finally {
        callers.shutdown();
        try (ModelLease lease = runtime.repository().lease("clip-vision").orElseThrow()) {
          System.out.printf(Locale.ROOT, "  (batch %d: mean encoder batch %.2f images)%n",
              config.maxBatch(), lease.model().batchStats().meanBatchSize());
        }
        server.close();
      }
    }
  }

  static void report(String what, double imagesPerSecond, double baseline) {
    System.out.printf(Locale.ROOT, "%-52s %8.1f images/s  (%.2f x)%n", what, imagesPerSecond,
        imagesPerSecond / baseline);
  }
}
