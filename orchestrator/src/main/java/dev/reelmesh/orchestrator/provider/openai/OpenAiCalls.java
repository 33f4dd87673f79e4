package dev.reelmesh.orchestrator.provider.openai;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.grpc.Context;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one blocking OpenAI call with retries: transient failures (429, 5xx, I/O, timeouts) are
 * tried again with exponential backoff and jitter, waiting at least what the server's Retry-After
 * asks; permanent ones fail at once. The client's own retries are off, so attempts are counted
 * once. A cancelled job stops before the next attempt.
 */
final class OpenAiCalls {
  /** A server may ask for a long pause; past this the step fails rather than hang. */
  private static final Duration MAX_HINT = Duration.ofMinutes(2);
  private final OpenAiConfig config;

  OpenAiCalls(OpenAiConfig config) {
    this.config = config;
  }

  <T> T call(String what, Supplier<T> call) {
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy<T> retry = RetryPolicy.<T>builder()
        .handleIf(OpenAiErrors::isTransient)
        .withMaxAttempts(config.maxAttempts())
        .withBackoff(config.backoffBase(), config.backoffMax())
        .withJitter(0.25)
        .withDelayFn(ctx -> {
          Duration hint = OpenAiErrors.retryAfter(ctx.getLastException());
          return hint == null ? null : hint.compareTo(MAX_HINT) > 0 ? MAX_HINT : hint;
        })
        .build();
    try {
      return Failsafe.with(retry).get(() -> {
        if (Context.current().isCancelled()) {
          throw Status.CANCELLED.withDescription(what + ": job cancelled").asRuntimeException();
        }
        attempts.incrementAndGet();
        return call.get();
      });
    } catch (FailsafeException e) {
      throw OpenAiErrors.toStatus(what, e.getCause() == null ? e : e.getCause(), attempts.get());
    } catch (RuntimeException e) {
      throw OpenAiErrors.toStatus(what, e, attempts.get());
    }
  }
}
