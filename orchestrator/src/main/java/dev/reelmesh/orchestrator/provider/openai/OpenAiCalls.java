package dev.reelmesh.orchestrator.provider.openai;

import com.openai.errors.OpenAIIoException;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.v1.CostLine;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.function.Supplier;

/**
 * Runs one blocking OpenAI call with retries: transient failures (429, 5xx, I/O, timeouts) are
 * tried again with exponential backoff and jitter, waiting at least what the server's Retry-After
 * asks; permanent ones fail at once. The client's own retries are off, so attempts are counted
 * once. A cancelled job stops before the next attempt.
 */
final class OpenAiCalls {
  private final ProviderCalls.Policy policy;

  OpenAiCalls(OpenAiConfig config) {
    this.policy = new ProviderCalls.Policy(config.maxAttempts(), config.backoffBase(),
        config.backoffMax());
  }

  <T> T call(String what, Supplier<T> call) {
    return ProviderCalls.call(what, policy, OpenAiErrors::isTransient, OpenAiErrors::retryAfter,
        OpenAiErrors::toStatus, call::get);
  }

  /** What a paid call answered, and the hold of the attempt that answered: settle it. */
  record Held<T>(T value, Spend.Hold hold) {}

  /**
   * As {@link #call}, for a paid request: each attempt is held on its own before it is sent. An
   * attempt whose answer was lost after the request went out (a dropped connection, a timeout,
   * a body cut off mid-read) may have been billed, so its hold is charged at the estimate,
   * unreconciled, and the retry is held anew; one that was answered with a failure, or never
   * sent (a refused connection), is released. So the ledger never counts less than OpenAI may
   * have billed, and a retry that the budget cannot hold stops with RESOURCE_EXHAUSTED.
   */
  <T> Held<T> paid(String what, Spend spend, CostLine estimate, Supplier<T> call) {
    return call(what, () -> {
      Spend.Hold hold = spend.hold(estimate);
      try {
        return new Held<>(call.get(), hold);
      } catch (RuntimeException e) {
        if (mayHaveBeenBilled(e)) {
          hold.mayHavePaid();
        } else {
          hold.close();
        }
        throw e;
      }
    });
  }

  /** Sent, and no answer read: OpenAI may have done (and billed) the work. */
  static boolean mayHaveBeenBilled(Throwable e) {
    if (e instanceof UncheckedIOException) {
      return true; // answered 200, its body lost mid-read (or not written here): paid
    }
    if (e instanceof OpenAIIoException) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ConnectException) {
          return false; // refused: the request never left
        }
      }
      return true;
    }
    return false;
  }
}
