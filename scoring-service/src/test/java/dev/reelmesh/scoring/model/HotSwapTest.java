package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TestTokenizer;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.Score;
import dev.reelmesh.v1.ScoreImagesRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions swap (watcher and RPC) under concurrent load: no request fails, old sessions close. */
class HotSwapTest {
  @TempDir Path dir;

  @Test
  void swapsUnderConcurrentLoadWithZeroFailedRequests() throws Exception {
    TinyModels v1 = new TinyModels(42);
    TinyModels v2 = new TinyModels(7);
    Path repo = dir.resolve("models");
    v1.installPairAndHead(repo, 1);
    RgbImage image = Images.detailed(8, 8, 5);
    long[][] tokens = TestTokenizer.expectedIds("a cat");
    double[] text = v1.textEmbedding(tokens[0], tokens[1]);
    float[] pixels = ModelScoringTest.pixels(image);
    double cos1 = ModelScoringTest.cosine(v1.imageEmbedding(pixels), text);
    double cos2 = ModelScoringTest.cosine(v2.imageEmbedding(pixels), text);

    var config = ScoringHarness.config().withPollInterval(Duration.ofMillis(30));
    try (ScoringHarness h = new ScoringHarness(dir, config)) {
      LoadedModel first;
      try (ModelLease lease = h.runtime.repository().lease("clip-vision").orElseThrow()) {
        first = lease.model();
      }
      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicInteger[] seen = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<Future<?>> running = new ArrayList<>();
      ScoreImagesRequest request = ScoreImagesRequest.newBuilder()
          .addImages(ScoringHarness.inline(image)).setPrompt("a cat").addScorers("clip").build();
      for (int t = 0; t < 8; t++) {
        running.add(callers.submit(() -> {
          while (!stop.get()) {
            try {
              Score s = h.stub().scoreImages(request).getResults(0).getScores(0);
              int version = (int) s.getVersion();
              double expected = version == 1 ? cos1 : cos2;
              if (Math.abs(s.getRaw() - expected) > 1e-4) {
                throw new AssertionError("version " + version + " gave " + s.getRaw()
                    + ", expected " + expected);
              }
              seen[version].incrementAndGet();
            } catch (Throwable e) {
              errors.add(e);
            }
          }
        }));
      }
      waitFor(() -> seen[1].get() > 20);
      TinyModels.install(repo, "clip-vision", 2, TinyModels.VISION_MANIFEST, v2.visionModel(), false);
      waitFor(() -> seen[2].get() > 20);
      int before = seen[1].get();
      // Explicit swaps back and forth while the load continues.
      h.stub().loadModel(LoadModelRequest.newBuilder().setName("clip-vision").setVersion(1).build());
      waitFor(() -> seen[1].get() > before + 20);
      h.stub().loadModel(LoadModelRequest.newBuilder().setName("clip-vision").build());
      int twos = seen[2].get();
      waitFor(() -> seen[2].get() > twos + 20);
      stop.set(true);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      callers.shutdown();

      assertThat(errors).isEmpty();
      assertThat(first.isClosed()).as("the first version's session is closed once drained").isTrue();
      assertThat(h.stub().getModelMetadata(GetModelMetadataRequest.newBuilder()
          .setName("clip-vision").build()).getServingVersion()).isEqualTo(2);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting");
      }
      Thread.sleep(10);
    }
  }
}
