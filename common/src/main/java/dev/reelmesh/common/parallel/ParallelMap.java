package dev.reelmesh.common.parallel;

import io.grpc.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * CPU-bound work on the items of a list (paint four variations, decode and judge four images) on
 * a fixed pool no larger than the machine, results in item order. The calling thread works too:
 * it runs every item no pool thread has started yet, so a call never waits on a pool busy with
 * other callers' items (nor deadlocks when an item itself maps), and however many callers there
 * are, at most {@code threads} extra threads compute. Each item runs in the caller's gRPC
 * {@link Context}, so a deadline or cancellation the work watches reaches it.
 */
public final class ParallelMap implements AutoCloseable {
  private final ExecutorService pool;

  /** A pool of {@code threads} daemon threads named {@code name-N}. */
  public ParallelMap(String name, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(name + ": threads must be >= 1, got " + threads);
    }
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true); // idle threads time out; daemon so they never hold a JVM open
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
  }

  /** One pool thread per core beyond the caller's own: the caller plus the pool fill the CPUs. */
  public static ParallelMap forCores(String name) {
    return new ParallelMap(name, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }

  /**
   * {@code work} applied to every item, in parallel, results in the items' order. When an item
   * fails, the items not yet started are skipped, every started one is waited for (nothing of
   * this call still runs when it returns), and the first failure is thrown as it was thrown.
   */
  public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    if (items.size() <= 1) {
      return items.stream().<R>map(work).toList();
    }
    Context context = Context.current();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<FutureTask<R>> tasks = new ArrayList<>(items.size());
    for (T item : items) {
      tasks.add(new FutureTask<R>(context.wrap(() -> {
        if (failure.get() != null) {
          return null; // skipped: the call fails anyway
        }
        try {
          return work.apply(item);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
          throw e;
        }
      })));
    }
    // The pool may take all but the first; the caller starts with the first and then runs
    // whatever is still waiting (FutureTask.run does nothing for a task already started).
    for (int i = 1; i < tasks.size(); i++) {
      pool.execute(tasks.get(i));
    }
    tasks.forEach(FutureTask::run);
    List<R> results = new ArrayList<>(tasks.size());
    boolean interrupted = false;
    for (FutureTask<R> task : tasks) {
      while (true) {
        try {
          results.add(task.get());
          break;
        } catch (ExecutionException e) {
          results.add(null); // its cause is in failure
          break;
        } catch (InterruptedException e) {
          interrupted = true; // items are short: wait for them, then say so
          failure.compareAndSet(null, new CancellationException("interrupted"));
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = failure.get();
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    return results;
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
