package dev.reelmesh.orchestrator.observe;

import dev.reelmesh.common.observe.Tracing;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/**
 * The spans of one run of a job: the run's span, and under it a span per stage, opened when
 * the run's events enter the stage and closed when they leave it. Retries, fallbacks and
 * warnings are events on the stage's span. Driven by the job's events, so the stages' code
 * knows nothing of tracing.
 */
final class RunTrace {
  private final Span runSpan;
  private Span stage;
  private Stage current;

  /**
   * @param parent the span of the job's first run in this process (later runs join its trace,
   *     one trace per job), or null: this run starts the job's trace
   */
  RunTrace(String jobId, SpanContext parent) {
    var builder = Tracing.tracer().spanBuilder(parent == null ? "job" : "job run");
    if (parent == null) {
      builder.setNoParent();
    } else {
      builder.setParent(Context.root().with(Span.wrap(parent)));
    }
    runSpan = builder.startSpan();
    runSpan.setAttribute("reelmesh.job_id", jobId);
  }

  SpanContext context() {
    return runSpan.getSpanContext();
  }

  /** Where the run's RPCs and provider calls start: its stage's span, else the run's. */
  synchronized Context parent() {
    return Context.root().with(stage != null ? stage : runSpan);
  }

  synchronized void event(JobEvent event) {
    if (event.getStage() != current) {
      if (stage != null) {
        stage.end();
      }
      current = event.getStage();
      stage = Tracing.tracer().spanBuilder("stage " + JobMetrics.name(current))
          .setParent(Context.root().with(runSpan)).startSpan();
      stage.setAttribute("reelmesh.stage", JobMetrics.name(current));
    }
    switch (event.getPayloadCase()) {
      case RETRY -> stage.addEvent("retry " + event.getRetry().getStep() + ": "
          + event.getRetry().getReason());
      case FALLBACK -> stage.addEvent(event.getMessage());
      case WARNING -> stage.addEvent("warning " + event.getWarning().getCode() + ": "
          + event.getWarning().getMessage());
      case ERROR -> stage.setStatus(StatusCode.ERROR, event.getError().getMessage());
      default -> { }
    }
  }

  /** The run ended in {@code state} (RUNNING: stopped for a shutdown, resumed later). */
  synchronized void end(JobState state) {
    if (stage != null) {
      stage.end();
      stage = null;
    }
    runSpan.setAttribute("reelmesh.job_state", JobMetrics.name(state));
    if (state == JobState.JOB_STATE_FAILED) {
      runSpan.setStatus(StatusCode.ERROR, "job failed");
    }
    runSpan.end();
  }
}
