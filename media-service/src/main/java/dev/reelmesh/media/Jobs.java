package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import dev.reelmesh.media.ffmpeg.JobPool;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Runs one RPC's FFmpeg work on the bounded pool (never on a gRPC transport thread) and ties it
 * to the call: a cancelled or expired call flips the job's {@link Cancellation}, which kills the
 * FFmpeg child; the job's outputs are written through OutputFile, so nothing partial stays.
 */
final class Jobs {
  private final JobPool pool;

  Jobs(JobPool pool) {
    this.pool = pool;
  }

  /** Runs {@code work}; its return value (may be null for streaming calls) is sent, then completed. */
  <T> void run(StreamObserver<T> observer, Function<Cancellation, T> work) {
    Context context = Context.current();
    Cancellation cancel = new Cancellation();
    context.addListener(c -> cancel.cancel(c.getDeadline() != null && c.getDeadline().isExpired()
        ? "deadline exceeded" : "call cancelled by the client"), Runnable::run);
    pool.submit(() -> {
      if (context.isCancelled()) {
        return;
      }
      try {
        T result = work.apply(cancel);
        if (result != null) {
          observer.onNext(result);
        }
        observer.onCompleted();
      } catch (Throwable t) {
        try {
          observer.onError(toStatus(t, cancel));
        } catch (RuntimeException callGone) {
          // The client cancelled: the call is closed and there is no one left to tell.
        }
      }
    });
  }

  static RuntimeException toStatus(Throwable t, Cancellation cancel) {
    if (t instanceof CancellationException || cancel.isCancelled()) {
      return Status.CANCELLED.withDescription(t.getMessage()).asRuntimeException();
    }
    if (t instanceof FfmpegException f) {
      return Status.INVALID_ARGUMENT.withDescription(f.getMessage()).asRuntimeException();
    }
    return Statuses.toException(t);
  }
}
