package dev.reelmesh.common.server;

import dev.reelmesh.common.error.Statuses;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one way a service moves blocking work (ONNX runs, FFmpeg, LLM calls, disk) off the gRPC
 * transport thread. The work runs on a bounded pool <em>in the caller's Context</em>
 * ({@code Context.current().wrap}), so its deadline and cancellation reach the work: a call that
 * gave up while queued is skipped, and code that watches {@code Context.current()} (an FFmpeg
 * child, an HTTP call) stops with it. No call runs longer than the service's limit, whatever
 * deadline (or none) it came with. A full pool answers {@code RESOURCE_EXHAUSTED} at once instead of queueing
 * without bound.
 */
public final class BlockingCalls implements AutoCloseable {
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "blocking-call-deadlines");
        t.setDaemon(true);
        return t;
      });

  private final String service;
  private final ThreadPoolExecutor pool;
  private final Duration defaultDeadline;

  /**
   * {@code workers} threads run at once, {@code queue} more calls wait; past that a call is
   * refused. {@code defaultDeadline} bounds every call: those without a deadline and those with
   * a later one.
   */
  public BlockingCalls(String service, int workers, int queue, Duration defaultDeadline) {
    if (workers < 1 || queue < 0) {
      throw new IllegalArgumentException(service + ": workers must be >= 1 and queue >= 0, got "
          + workers + " and " + queue);
    }
    this.service = service;
    this.defaultDeadline = defaultDeadline;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, service + "-worker-" + n.incrementAndGet());
          t.setDaemon(true); // idle workers time out; daemon so they never hold a JVM open
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs {@code work} and answers its value, then completes; a null value only completes (a
   * streaming call whose work sent its messages itself). A thrown exception answers its status
   * ({@link Statuses}); past the deadline the answer is {@code DEADLINE_EXCEEDED}.
   */
  public <T> void unary(StreamObserver<T> out, Supplier<T> work) {
    // The service's limit caps the caller's deadline (or stands in for a missing one).
    Deadline limit = Deadline.after(defaultDeadline.toMillis(), TimeUnit.MILLISECONDS);
    Deadline callers = Context.current().getDeadline();
    Context.CancellableContext bounded = callers == null || limit.isBefore(callers)
        ? Context.current().withDeadline(limit, TIMERS)
        : null;
    Context context = bounded != null ? bounded : Context.current();
    Runnable task = context.wrap(() -> {
      // Log lines of the work name the job the call is for, when the caller said.
      try (dev.reelmesh.common.observe.JobIds.Scope job =
          dev.reelmesh.common.observe.JobIds.mdc()) {
        if (context.isCancelled()) {
          answer(() -> out.onError(gaveUp(context, null)));
          return;
        }
        T value;
        try {
          value = work.get();
        } catch (Throwable t) {
          answer(() -> out.onError(context.isCancelled() ? gaveUp(context, t)
              : Statuses.toException(t)));
          return;
        }
        if (context.isCancelled()) {
          // Finished, but past the deadline or after a cancel: the caller was told to stop
          // waiting, so this answer is the deadline's, not a late value.
          answer(() -> out.onError(gaveUp(context, null)));
          return;
        }
        answer(() -> {
          if (value != null) {
            out.onNext(value);
          }
          out.onCompleted();
        });
      } finally {
        if (bounded != null) {
          bounded.cancel(null); // releases the deadline timer; the work is over
        }
      }
    });
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      if (bounded != null) {
        bounded.cancel(null);
      }
      out.onError(Status.RESOURCE_EXHAUSTED.withDescription(service + " is at capacity ("
          + pool.getMaximumPoolSize() + " calls running, " + pool.getQueue().size()
          + " waiting); retry with backoff").asRuntimeException());
    }
  }

  /** The longest a call may run. */
  public Duration defaultDeadline() {
    return defaultDeadline;
  }

  /** The answer to a call whose context ended: its deadline passed, or the client cancelled. */
  private StatusRuntimeException gaveUp(Context context, Throwable cause) {
    Deadline deadline = context.getDeadline();
    if (deadline != null && deadline.isExpired()) {
      return Status.DEADLINE_EXCEEDED.withDescription(service + ": the call ran past its "
          + "deadline and its work was stopped").withCause(cause).asRuntimeException();
    }
    return Status.CANCELLED.withDescription(service + ": the call was cancelled")
        .withCause(cause).asRuntimeException();
  }

  /** A cancelled call refuses answers (grpc throws CANCELLED); nobody is listening, so fine. */
  private static void answer(Runnable send) {
    try {
      send.run();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.CANCELLED) {
        throw e;
      }
    } catch (IllegalStateException alreadyClosed) {
      // The call was closed meanwhile (another layer answered it); nothing more to send.
    }
  }

  /** Refuses new work, lets running work finish for up to 10 s, then interrupts it. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
