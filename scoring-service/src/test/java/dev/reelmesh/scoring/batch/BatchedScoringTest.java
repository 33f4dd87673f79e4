package dev.reelmesh.scoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image-encoder batching across 16 concurrent callers changes nothing in the answers. */
class BatchedScoringTest {
  @TempDir Path dir;

  @Test
  void batchedResultsEqualUnbatchedResults() throws Exception {
    new TinyModels(42).installPairAndHead(dir.resolve("a/models"), 1);
    new TinyModels(42).installPairAndHead(dir.resolve("b/models"), 1);
    ScoringConfig batched = ScoringHarness.config().withBatching(16, Duration.ofMillis(20));
    ScoringConfig unbatched = ScoringHarness.config().withBatching(1, Duration.ZERO);
    try (ScoringHarness a = new ScoringHarness(dir.resolve("a"), batched);
        ScoringHarness b = new ScoringHarness(dir.resolve("b"), unbatched)) {
      List<ScoreImagesResponse> viaBatches = callConcurrently(a);
      List<ScoreImagesResponse> single = callConcurrently(b);
      assertThat(stats(a).meanBatchSize()).as("16 callers share encoder calls").isGreaterThan(1);
      assertThat(stats(b).meanBatchSize()).isEqualTo(1);
      for (int i = 0; i < 16; i++) {
        var x = viaBatches.get(i).getResultsList();
        var y = single.get(i).getResultsList();
        assertThat(x).hasSameSizeAs(y);
        for (int k = 0; k < x.size(); k++) {
          for (int s = 0; s < x.get(k).getScoresCount(); s++) {
            assertThat(x.get(k).getScores(s).getScorer()).isEqualTo(y.get(k).getScores(s).getScorer());
            assertThat(x.get(k).getScores(s).getRaw())
                .isCloseTo(y.get(k).getScores(s).getRaw(), within(1e-5));
          }
        }
      }
    }
  }

  private static DynamicBatcher.Stats stats(ScoringHarness h) {
    try (var lease = h.runtime.repository().lease("clip-vision").orElseThrow()) {
      return lease.model().batchStats();
    }
  }

  private static List<ScoreImagesResponse> callConcurrently(ScoringHarness h) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<ScoreImagesResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ScoreImagesRequest request = ScoreImagesRequest.newBuilder()
            .addImages(ScoringHarness.inline(Images.detailed(16, 12, i)))
            .addImages(ScoringHarness.inline(Images.detailed(8, 8, 100 + i)))
            .setPrompt(i % 2 == 0 ? "a photo of a cat" : "warm morning light").build();
        calls.add(CompletableFuture.supplyAsync(() -> h.stub().scoreImages(request), pool));
      }
      List<ScoreImagesResponse> out = new ArrayList<>();
      for (var c : calls) {
        out.add(c.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
