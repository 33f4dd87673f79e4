package dev.reelmesh.orchestrator.observe;

import dev.reelmesh.common.observe.Metrics;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The orchestrator's job meters, named once here (docs/operations.md lists them as Prometheus
 * shows them: dots become underscores, timers gain {@code _seconds}, counters {@code _total}).
 */
final class JobMetrics {
  private static final MeterRegistry REGISTRY = Metrics.registry();

  private JobMetrics() {}

  /** "STAGE_CLIP_PROMPTS" → "clip_prompts"; "JOB_STATE_SUCCEEDED" → "succeeded". */
  static String name(Enum<?> value) {
    String name = value.name();
    int cut = name.startsWith("JOB_STATE_") ? 10 : name.startsWith("STAGE_") ? 6 : 0;
    return name.substring(cut).toLowerCase(Locale.ROOT);
  }

  /** A job entered {@code state}: {@code reelmesh_job_transitions_total{state}}. */
  static void transition(JobState state) {
    Counter.builder("reelmesh.job.transitions").description("Jobs entering each state")
        .tag("state", name(state)).register(REGISTRY).increment();
  }

  /** One stage of a finished run: {@code reelmesh_stage_duration_seconds{stage}}. */
  static void stage(Stage stage, double seconds) {
    Timer.builder("reelmesh.stage.duration").description("Wall time of each stage in a run")
        .tag("stage", name(stage)).register(REGISTRY)
        .record(Duration.ofNanos(Math.round(seconds * 1e9)));
  }

  /** A finished run, first event to delivery: {@code reelmesh_job_duration_seconds}. */
  static void run(double seconds) {
    Timer.builder("reelmesh.job.duration").description("Wall time of a job's run, end to end")
        .register(REGISTRY).record(Duration.ofNanos(Math.round(seconds * 1e9)));
  }

  /** What one job ended with, per final state: cost, retries and fallbacks of its runs here. */
  static void ended(JobState state, long costMicros, int retries, int fallbacks) {
    String tag = name(state);
    DistributionSummary.builder("reelmesh.job.cost").baseUnit("usd")
        .description("Actual cost of each ended job").tag("state", tag).register(REGISTRY)
        .record(costMicros / 1e6);
    DistributionSummary.builder("reelmesh.job.retries")
        .description("Provider retries of each ended job").tag("state", tag).register(REGISTRY)
        .record(retries);
    DistributionSummary.builder("reelmesh.job.fallbacks")
        .description("Fallbacks of each ended job").tag("state", tag).register(REGISTRY)
        .record(fallbacks);
  }

  /** A charged line: {@code reelmesh_provider_cost_usd_total{provider,stage}}. */
  static void charged(CostLine line) {
    Counter.builder("reelmesh.provider.cost").baseUnit("usd")
        .description("Money charged, by provider and stage")
        .tag("provider", orUnknown(line.getProvider())).tag("stage", orUnknown(line.getStage()))
        .register(REGISTRY).increment(line.getActualMicros() / 1e6);
  }

  static void fallback(String component) {
    Counter.builder("reelmesh.fallbacks").description("Fallbacks, by component")
        .tag("component", orUnknown(component)).register(REGISTRY).increment();
  }

  static void retry(String role, String provider) {
    Counter.builder("reelmesh.provider.retries").description("Provider calls retried")
        .tag("role", role).tag("provider", provider).register(REGISTRY).increment();
  }

  /**
   * One provider call: {@code reelmesh_provider_calls_seconds{role,provider,outcome}}, outcome
   * "ok" or the failure's gRPC code ("unavailable", "resource_exhausted", ...).
   */
  static void call(String role, String provider, String outcome, long nanos) {
    Timer.builder("reelmesh.provider.calls").description("Provider calls and their latency")
        .tag("role", role).tag("provider", provider).tag("outcome", outcome)
        .register(REGISTRY).record(Duration.ofNanos(nanos));
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }
}
