package dev.reelmesh.orchestrator.provider.remote;

import dev.reelmesh.orchestrator.provider.ProviderCalls;
import java.time.Duration;

/**
 * How patiently a remote provider is called: one HTTP call's timeout, the bounded retries of a
 * transient failure, and the status polls (first wait, longest wait, how long in all before the
 * step gives up; a later run re-attaches to the provider's job).
 */
public record CallTimings(
    Duration timeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration pollInitial,
    Duration pollMax,
    Duration pollTimeout) {

  /** What real providers get: renders take minutes, polls back off to 20 s. */
  public static CallTimings standard() {
    return new CallTimings(Duration.ofSeconds(120), 4, Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(20),
        Duration.ofMinutes(30));
  }

  /** Fast retries and polls, for tests against a loopback server. */
  public static CallTimings fast() {
    return new CallTimings(Duration.ofSeconds(20), 4, Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(100),
        Duration.ofSeconds(60));
  }

  public ProviderCalls.Policy policy() {
    return new ProviderCalls.Policy(maxAttempts, backoffBase, backoffMax);
  }
}
