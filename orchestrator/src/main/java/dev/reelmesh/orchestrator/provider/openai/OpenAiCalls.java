package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.ProviderCalls;
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
}
