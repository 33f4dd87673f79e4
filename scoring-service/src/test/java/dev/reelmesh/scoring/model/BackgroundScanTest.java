package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process mesh's start: the first scan in the background, calls waiting for it. */
class BackgroundScanTest {
  @TempDir Path dir;

  @Test
  void callsMadeDuringTheFirstScanWaitForItAndSeeEveryModel() throws Exception {
    new TinyModels(42).installPairAndHead(dir, 1);
    CountDownLatch inScan = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (ModelRepository repository = new ModelRepository(dir, ScoringHarness.config())) {
      // Holds the first scan inside its first readiness report until the test lets it go.
      repository.onReadiness(new ReadinessListener() {
        @Override
        public void changed(String model, boolean ready) {
          inScan.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }

        @Override
        public void removed(String model) {}
      });
      CompletableFuture<Void> scanned = repository.startInBackground(); // returns at once
      assertThat(inScan.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<List<String>> listed = CompletableFuture.supplyAsync(
          () -> repository.list().stream().filter(m -> m.ready(0)).map(ModelStatus::name)
              .toList(), callers);
      CompletableFuture<Boolean> leased = CompletableFuture.supplyAsync(
          () -> repository.lease(ModelKind.CLIP_VISION).isPresent(), callers);
      Thread.sleep(300);
      assertThat(listed).isNotDone();
      assertThat(leased).isNotDone();
      assertThat(scanned).isNotDone();

      release.countDown();
      assertThat(scanned).succeedsWithin(Duration.ofSeconds(30));
      assertThat(listed.get(30, TimeUnit.SECONDS)).contains("clip-vision", "clip-text");
      assertThat(leased.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      callers.shutdownNow();
    }
  }
}
