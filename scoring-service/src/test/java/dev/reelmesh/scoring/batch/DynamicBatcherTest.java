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
  void aCallerWhoseContextEndsStopsWaitingAndItsQueuedItemsAreNotRun() throws Exception {
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>("t", 1, Duration.ZERO,
        batch -> {
          ran.addAll(batch);
          busy.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return batch;
        })) {
      CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> batcher.submit(1)
          .join());
      assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue(); // the batcher thread is occupied
      io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation();
      CompletableFuture<List<Integer>> waiting = new CompletableFuture<>();
      Thread caller = new Thread(call.wrap(() -> {
        try {
          waiting.complete(batcher.submitAll(List.of(2, 3)));
        } catch (RuntimeException e) {
          waiting.completeExceptionally(e);
        }
      }));
      caller.start();
      Thread.sleep(100);
      call.cancel(null);
      assertThat(waiting).failsWithin(Duration.ofSeconds(2)).withThrowableThat()
          .withMessageContaining("the scoring call ended");
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(batcher.submit(4).get(5, TimeUnit.SECONDS)).isEqualTo(4);
      assertThat(ran).as("items of the call that ended never ran").containsExactly(1, 4);
    }
  }

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
