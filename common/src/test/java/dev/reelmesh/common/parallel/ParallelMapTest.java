package dev.reelmesh.common.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Context;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelMapTest {
  @Test
  void itemsRunSideBySideAndResultsKeepTheItemsOrder() throws Exception {
    try (ParallelMap parallel = new ParallelMap("test", 1)) {
      // Both items must be inside the work at the same moment for either to pass the barrier:
      // the caller and the one pool thread.
      CyclicBarrier together = new CyclicBarrier(2);
      Set<String> threads = ConcurrentHashMap.newKeySet();
      List<String> out = parallel.map(List.of("a", "b"), s -> {
        threads.add(Thread.currentThread().getName());
        try {
          together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("the two items never ran at once", e);
        }
        return s.toUpperCase();
      });
      assertThat(out).containsExactly("A", "B");
      assertThat(threads).hasSize(2);
      List<Integer> many = IntStream.range(0, 50).boxed().toList();
      assertThat(parallel.map(many, i -> i * i))
          .isEqualTo(many.stream().map(i -> i * i).toList());
    }
  }

  @Test
  void aFailureIsThrownAsThrownAndNothingOfTheCallRunsAfterIt() {
    try (ParallelMap parallel = new ParallelMap("test", 1)) {
      AtomicInteger running = new AtomicInteger();
      List<Integer> items = IntStream.range(0, 20).boxed().toList();
      assertThatThrownBy(() -> parallel.map(items, i -> {
        running.incrementAndGet();
        if (i == 3) {
          throw new IllegalArgumentException("item 3 is bad");
        }
        sleep(5);
        running.decrementAndGet();
        return i;
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 3 is bad");
      // Read after map returned: only the failed item never finished; none is still running.
      assertThat(running.get()).isEqualTo(1);
    }
  }

  @Test
  void nestedMapsOnOneThreadPoolDoNotDeadlockAndSeeTheCallersContext() {
    Context.Key<String> key = Context.key("who");
    try (ParallelMap parallel = new ParallelMap("test", 1)) {
      List<List<String>> out = Context.current().withValue(key, "caller").call(() ->
          parallel.map(List.of(1, 2, 3), i -> parallel.map(List.of("x", "y"),
              s -> s + i + key.get())));
      assertThat(out).containsExactly(List.of("x1caller", "y1caller"),
          List.of("x2caller", "y2caller"), List.of("x3caller", "y3caller"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
