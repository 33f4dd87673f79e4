package dev.reelmesh.scoring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
  @Test
  void gathersConcurrentCallersIntoBatchesAndKeepsEachCallersResult() throws Exception {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("t", 8,
        Duration.ofMillis(200), batch -> {
          sizes.add(batch.size());
          return batch.stream().map(i -> i * i).toList();
        })) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        results.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new RuntimeException(e);
          }
          return batcher.submit(n).join();
        }, pool));
      }
      go.countDown();
      for (int i = 0; i < 16; i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * i);
      }
      pool.shutdown();
    }
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16);
    assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(8));
    assertThat(sizes.size()).as("batches for 16 items with max 8").isLessThan(16);
  }

  @Test
  void aFailedBatchFailsItsCallersOnlyAndCloseFailsWhatIsQueued() {
    DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("t", 4, Duration.ZERO,
        batch -> {
          if (batch.contains(-1)) {
            throw new IllegalStateException("bad item");
          }
          return batch;
        });
    assertThat(batcher.submit(-1)).failsWithin(Duration.ofSeconds(5));
    assertThat(batcher.submit(3).join()).isEqualTo(3);
    batcher.close();
    assertThat(batcher.submit(4)).failsWithin(Duration.ofSeconds(1));
  }
}
