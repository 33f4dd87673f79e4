package dev.reelmesh.common.error;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a {@link Throwable} becomes a gRPC {@link Status}. Only INTERNAL (a bug, not a
 * caller's mistake) is logged server-side; everything else is the caller's to act on.
 */
public final class Statuses {
  private static final Logger log = LoggerFactory.getLogger(Statuses.class);

  private Statuses() {}

  public static Status fromThrowable(Throwable t) {
    Throwable cause = unwrap(t);
    Status status;
    if (cause instanceof StatusRuntimeException sre) {
      status = sre.getStatus();
    } else if (cause instanceof StatusException se) {
      status = se.getStatus();
    } else if (cause instanceof IllegalArgumentException) {
      status = Status.INVALID_ARGUMENT.withDescription(cause.getMessage());
    } else if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
      status = Status.NOT_FOUND.withDescription("not found: " + cause.getMessage());
    } else if (cause instanceof IllegalStateException) {
      status = Status.FAILED_PRECONDITION.withDescription(cause.getMessage());
    } else if (cause instanceof UnsupportedOperationException) {
      status = Status.UNIMPLEMENTED.withDescription(cause.getMessage());
    } else if (cause instanceof TimeoutException) {
      status = Status.DEADLINE_EXCEEDED.withDescription(cause.getMessage());
    } else if (cause instanceof CancellationException || cause instanceof InterruptedException) {
      status = Status.CANCELLED.withDescription(cause.getMessage());
    } else {
      status = Status.INTERNAL.withDescription(
          cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
    status = status.withCause(cause);
    if (status.getCode() == Status.Code.INTERNAL) {
      log.error("internal error", cause);
    }
    return status;
  }

  public static StatusRuntimeException toException(Throwable t) {
    return fromThrowable(t).asRuntimeException(trailersFor(t));
  }

  /** Trailers a status exception carried, so they survive the mapping. */
  public static Metadata trailersFor(Throwable t) {
    Throwable cause = unwrap(t);
    if (cause instanceof StatusRuntimeException sre && sre.getTrailers() != null) {
      return sre.getTrailers();
    }
    if (cause instanceof StatusException se && se.getTrailers() != null) {
      return se.getTrailers();
    }
    return new Metadata();
  }

  /** {@code INVALID_ARGUMENT} naming the field, as callers need to fix their request. */
  public static StatusRuntimeException invalid(String field, String problem) {
    return Status.INVALID_ARGUMENT.withDescription(field + ": " + problem).asRuntimeException();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
