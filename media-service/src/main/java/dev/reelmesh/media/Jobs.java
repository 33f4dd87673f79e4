package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Runs one RPC's FFmpeg work through {@link BlockingCalls} (never on a gRPC transport thread, in
 * the caller's context) and ties it to the call: a cancelled or expired call flips the job's
 * {@link Cancellation}, which kills the FFmpeg child; the job's outputs are written through
 * OutputFile, so nothing partial stays.
 */
final class Jobs {
  private final BlockingCalls calls;

  Jobs(BlockingCalls calls) {
    this.calls = calls;
  }

  /** Runs {@code work}; its return value (may be null for streaming calls) is sent, then completed. */
  <T> void run(StreamObserver<T> observer, Function<Cancellation, T> work) {
    calls.unary(observer, () -> {
      // On the worker, Context.current() is the call's (with its deadline, or the default one).
      Context context = Context.current();
      Cancellation cancel = new Cancellation();
      Context.CancellationListener kill = c -> cancel.cancel(
          c.getDeadline() != null && c.getDeadline().isExpired()
              ? "deadline exceeded" : "call cancelled by the client");
      context.addListener(kill, Runnable::run);
      try {
        return work.apply(cancel);
      } catch (RuntimeException | Error e) {
        throw toStatus(e, cancel);
      } finally {
        context.removeListener(kill);
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
