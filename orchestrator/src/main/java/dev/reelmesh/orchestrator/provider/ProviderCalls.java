package dev.reelmesh.orchestrator.provider;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every paid provider's HTTP calls share: retries with exponential backoff and jitter that
 * wait at least what the server's Retry-After asks (capped), a cancelled job stopping before the
 * next attempt, and one mapping of the final failure to a gRPC status that names the attempts.
 * Also the cancellation-aware pause between status polls.
 */
public final class ProviderCalls {
  /** A server may ask for a long pause; past this the step fails rather than hang. */
  private static final Duration MAX_HINT = Duration.ofMinutes(2);

  private ProviderCalls() {}

  /** Attempts and backoff for one provider. */
  public record Policy(int maxAttempts, Duration backoffBase, Duration backoffMax) {}

  /** One attempt; may throw the provider client's own exceptions. */
  public interface Attempt<T> {
    T run() throws Exception;
  }

  /** Maps the last failure (after {@code attempts} tries) to the status the step fails with. */
  public interface Failure {
    StatusRuntimeException toStatus(String what, Throwable error, int attempts);
  }

  /**
   * @param retryable which failures are worth another attempt
   * @param retryAfter the server's hint carried by a failure, or null
   */
  public static <T> T call(String what, Policy policy, Predicate<Throwable> retryable,
      Function<Throwable, Duration> retryAfter, Failure failure, Attempt<T> attempt) {
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy<T> retry = RetryPolicy.<T>builder()
        .handleIf(retryable::test)
        .withMaxAttempts(policy.maxAttempts())
        .withBackoff(policy.backoffBase(), policy.backoffMax())
        .withJitter(0.25)
        .withDelayFn(ctx -> {
          Duration hint = retryAfter.apply(ctx.getLastException());
          return hint == null ? null : hint.compareTo(MAX_HINT) > 0 ? MAX_HINT : hint;
        })
        .build();
    try {
      return Failsafe.with(retry).get(() -> {
        if (Context.current().isCancelled()) {
          throw Status.CANCELLED.withDescription(what + ": job cancelled").asRuntimeException();
        }
        attempts.incrementAndGet();
        return attempt.run();
      });
    } catch (FailsafeException e) {
      throw failure.toStatus(what, e.getCause() == null ? e : e.getCause(), attempts.get());
    } catch (RuntimeException e) {
      throw failure.toStatus(what, e, attempts.get());
    }
  }

  /** The next wait between status polls: doubled, at most {@code max}. */
  public static Duration doubled(Duration wait, Duration max) {
    Duration twice = wait.multipliedBy(2);
    return twice.compareTo(max) > 0 ? max : twice;
  }

  /**
   * A server's Retry-After hint: {@code retry-after-ms} when given, else {@code retry-after} in
   * seconds; null when neither is a number (an HTTP date: the computed backoff applies).
   */
  public static Duration retryAfter(List<String> millis, List<String> seconds) {
    try {
      if (!millis.isEmpty()) {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get(0).strip())));
      }
      if (!seconds.isEmpty()) {
        return Duration.ofMillis(Math.max(0,
            (long) (Double.parseDouble(seconds.get(0).strip()) * 1000)));
      }
    } catch (NumberFormatException ignored) {
      // not a number: no hint
    }
    return null;
  }

  /** A provider's message for a status description: one line, at most 400 characters. */
  public static String brief(String message) {
    String text = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  /**
   * Sleeps {@code pause} in short slices; when the job's Context is cancelled meanwhile, runs
   * {@code onCancel} (which throws the step's CANCELLED status).
   */
  public static void pause(Duration pause, String label, Runnable onCancel) {
    long until = System.nanoTime() + pause.toNanos();
    Context context = Context.current();
    while (System.nanoTime() < until) {
      if (context.isCancelled()) {
        onCancel.run();
        throw Status.CANCELLED.withDescription(label + ": job cancelled while waiting")
            .asRuntimeException();
      }
      try {
        Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Status.CANCELLED.withDescription(label + ": interrupted").asRuntimeException();
      }
    }
  }
}
