package dev.reelmesh.scoring.batch;

import io.grpc.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Gathers items submitted by concurrent callers into one call of {@code runBatch}: a batch runs
 * when it holds {@code maxBatch} items, when {@code maxWait} has passed since its first item, or
 * at once when no other request is on its way ({@code inFlight} minus the callers already here),
 * so a lone caller pays no delay. An encoder call on 16 images costs far less than 16 calls on one.
 *
 * <p>One daemon thread per batcher runs the batches; {@link #close()} fails whatever is still
 * queued, so no caller waits forever.
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {
  /** An item and the Context of the call that submitted it (its deadline, its cancellation). */
  private record Pending<I, O>(I item, CompletableFuture<O> result, Context call) {}

  private final LinkedBlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
  private final int maxBatch;
  private final long maxWaitNanos;
  private final Function<List<I>, List<O>> runBatch;
  private final IntSupplier inFlight;
  private final AtomicInteger callers = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong items = new java.util.concurrent.atomic.AtomicLong();

  /** Batches run and items they held, since creation (for tests, benchmarks and operators). */
  public record Stats(long batches, long items) {
    public double meanBatchSize() {
      return batches == 0 ? 0 : (double) items / batches;
    }
  }

  public Stats stats() {
    return new Stats(batches.get(), items.get());
  }
  /** Batch sizes as Prometheus sees them: {@code reelmesh_scoring_batch_size{batcher}}. */
  private final io.micrometer.core.instrument.DistributionSummary sizes;
  private final Thread thread;
  private volatile boolean closed;

  /** A batcher that always waits up to {@code maxWait} for a fuller batch. */
  public DynamicBatcher(
      String name, int maxBatch, Duration maxWait, Function<List<I>, List<O>> runBatch) {
    this(name, maxBatch, maxWait, runBatch, () -> Integer.MAX_VALUE);
  }

  public DynamicBatcher(String name, int maxBatch, Duration maxWait,
      Function<List<I>, List<O>> runBatch, IntSupplier inFlight) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
    this.runBatch = runBatch;
    this.inFlight = inFlight;
    this.sizes = io.micrometer.core.instrument.DistributionSummary
        .builder("reelmesh.scoring.batch.size").description("Items per batch run")
        .tag("batcher", name).register(dev.reelmesh.common.observe.Metrics.registry());
    this.thread = new Thread(this::loop, "batcher-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  public CompletableFuture<O> submit(I item) {
    CompletableFuture<O> result = enqueue(item);
    callers.incrementAndGet();
    result.whenComplete((r, e) -> callers.decrementAndGet());
    return result;
  }

  private CompletableFuture<O> enqueue(I item) {
    CompletableFuture<O> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("batcher is closed"));
      return result;
    }
    queue.add(new Pending<>(item, result, Context.current()));
    return result;
  }

  /**
   * Submits every item and waits for all of them; results in submission order. When the
   * calling Context ends (deadline, cancel) the wait ends with it, and items not yet batched
   * are dropped instead of run for nobody.
   */
  public List<O> submitAll(List<I> items) {
    List<CompletableFuture<O>> futures = items.stream().map(this::enqueue).toList();
    Context call = Context.current();
    Context.CancellationListener stop = c -> futures.forEach(f -> f.completeExceptionally(
        new CancellationException("the scoring call ended: " + describe(c))));
    call.addListener(stop, Runnable::run);
    // Counted once all its items are queued, so a batch never leaves without the rest of them.
    callers.incrementAndGet();
    try {
      return futures.stream().map(CompletableFuture::join).toList();
    } finally {
      callers.decrementAndGet();
      call.removeListener(stop);
    }
  }

  private static String describe(Context ended) {
    return ended.getDeadline() != null && ended.getDeadline().isExpired()
        ? "deadline exceeded" : "cancelled";
  }

  private void loop() {
    List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
    while (!closed) {
      try {
        Pending<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatch) {
          // Take what is already queued without waiting, then wait out the rest of maxWait.
          Pending<I, O> next = queue.poll();
          if (next == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || inFlight.getAsInt() <= callers.get()) {
              break;
            }
            // Short slices, so a request that finishes elsewhere stops the wait early.
            next = queue.poll(Math.min(left, 200_000), TimeUnit.NANOSECONDS);
            if (next == null) {
              continue;
            }
          }
          batch.add(next);
        }
        runOne(batch);
      } catch (InterruptedException e) {
        break;
      } finally {
        batch.clear();
      }
    }
    failQueued();
  }

  private void runOne(List<Pending<I, O>> all) {
    // Items whose caller has gone (future already failed by its Context) are not run.
    List<Pending<I, O>> batch = new ArrayList<>(all.size());
    for (Pending<I, O> p : all) {
      if (p.result().isDone() || p.call().isCancelled()) {
        p.result().completeExceptionally(
            new CancellationException("the scoring call ended before its batch ran"));
      } else {
        batch.add(p);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    batches.incrementAndGet();
    items.addAndGet(batch.size());
    sizes.record(batch.size());
    try {
      List<O> outputs = runBatch.apply(batch.stream().map(Pending::item).toList());
      if (outputs.size() != batch.size()) {
        throw new IllegalStateException("batch of " + batch.size() + " gave " + outputs.size()
            + " results");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(outputs.get(i));
      }
    } catch (RuntimeException e) {
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
  }

  private void failQueued() {
    Pending<I, O> p;
    while ((p = queue.poll()) != null) {
      p.result().completeExceptionally(new IllegalStateException("batcher closed"));
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failQueued();
  }
}
