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
   * Who hears about retries: the job's run puts one in its gRPC Context, so every provider call
   * made for the job (on any thread the Context travels to) reports its retries as events.
   */
  public interface RetryListener {
    void retrying(String step, int attempt, String reason, Duration delay);
  }

  public static final Context.Key<RetryListener> RETRIES = Context.key("reelmesh-retries");

  /**
   * @param retryable which failures are worth another attempt
   * @param retryAfter the server's hint carried by a failure, or null
   */
  public static <T> T call(String what, Policy policy, Predicate<Throwable> retryable,
      Function<Throwable, Duration> retryAfter, Failure failure, Attempt<T> attempt) {
    AtomicInteger attempts = new AtomicInteger();
    RetryListener listener = RETRIES.get();
    RetryPolicy<T> retry = RetryPolicy.<T>builder()
        .handleIf(retryable::test)
        .withMaxAttempts(policy.maxAttempts())
        // The whole delay is computed here: Failsafe's own backoff does not combine with a
        // delay function that has no hint to give.
        .withDelayFn(ctx -> delay(policy, ctx.getAttemptCount(),
            retryAfter.apply(ctx.getLastException())))
        .onRetryScheduled(e -> {
          if (listener != null) {
            listener.retrying(what, e.getAttemptCount(),
                reason(failure, what, e.getLastException()), e.getDelay());
          }
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

  /**
   * The pause after the {@code failed}-th attempt: the base doubled per attempt up to the
   * maximum, with ±25 % jitter so parallel calls spread out; at least the server's hint (capped
   * at two minutes) when it gave one.
   */
  static Duration delay(Policy policy, int failed, Duration hint) {
    long base = Math.max(1, policy.backoffBase().toMillis());
    long max = Math.max(base, policy.backoffMax().toMillis());
    long exp = base << Math.min(20, Math.max(0, failed - 1));
    long backoff = Math.min(max, exp < 0 ? max : exp);
    double jitter = 0.75 + 0.5 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    long millis = Math.max(1, Math.round(backoff * jitter));
    if (hint != null) {
      millis = Math.max(millis, Math.min(hint.toMillis(), MAX_HINT.toMillis()));
    }
    return Duration.ofMillis(millis);
  }

  /** The provider's reason, as the step would fail with it. */
  private static String reason(Failure failure, String what, Throwable e) {
    if (e == null) {
      return "unknown";
    }
    String description = failure.toStatus(what, e, 1).getStatus().getDescription();
    return brief(description == null ? e.toString() : description);
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
    pause(pause, label, onCancel, () -> false);
  }

  /**
   * As above, ending early once {@code woken} says so (a verified completion callback came for
   * the provider job being polled).
   */
  public static void pause(Duration pause, String label, Runnable onCancel,
      java.util.function.BooleanSupplier woken) {
    long until = System.nanoTime() + pause.toNanos();
    Context context = Context.current();
    while (System.nanoTime() < until && !woken.getAsBoolean()) {
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
