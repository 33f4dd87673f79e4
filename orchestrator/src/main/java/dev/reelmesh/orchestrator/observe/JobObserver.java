package dev.reelmesh.orchestrator.observe;

import dev.reelmesh.common.observe.Metrics;
import dev.reelmesh.common.observe.SpanParents;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.v1.JobState;
import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * What the job engine tells the operator: meters from each job's events, a trace per job (a
 * span per run and per stage, provider calls and RPCs under them) and the job id in the MDC of
 * every thread working for the job, so every log line about a job names it ({@code job=...}).
 * The engine calls it at four points: a job is held, a run starts, work moves to a worker, a
 * job is deleted.
 */
public final class JobObserver implements dev.reelmesh.orchestrator.job.RunObserver {
  /** The MDC key logback's pattern prints. */
  public static final String MDC_KEY = dev.reelmesh.common.observe.JobIds.MDC_KEY;

  /** Every engine of the process (tests start several): the jobs-by-state gauges sum them. */
  private static final Set<JobObserver> LIVE = ConcurrentHashMap.newKeySet();

  static {
    for (JobState state : JobState.values()) {
      if (state != JobState.UNRECOGNIZED && state != JobState.JOB_STATE_UNSPECIFIED) {
        Gauge.builder("reelmesh.jobs", () -> LIVE.stream().mapToLong(o -> o.count(state)).sum())
            .description("Jobs this orchestrator holds, by state").tag("state",
                JobMetrics.name(state)).strongReference(true).register(Metrics.registry());
      }
    }
  }

  private final Map<String, JobWatch> jobs = new ConcurrentHashMap<>();
  /** Each job's first run here: later runs join its trace. */
  private final Map<String, SpanContext> traces = new ConcurrentHashMap<>();

  public JobObserver() {
    LIVE.add(this);
  }

  private long count(JobState state) {
    return jobs.values().stream().filter(w -> w.state() == state).count();
  }

  /** A job the engine now holds (submitted, restored, taken over): its events are watched. */
  @Override
  public void attach(JobRuntime job) {
    JobWatch watch = new JobWatch(job);
    jobs.put(job.id(), watch);
    job.observeEvents(watch::accept);
  }

  /** A deleted job: no longer counted. */
  @Override
  public void forget(String jobId) {
    jobs.remove(jobId);
    traces.remove(jobId);
  }

  /**
   * Runs {@code run} (one run of the job, on a jobs-pool thread) with the job id in the MDC and
   * its spans open: the run's, and the stages' as its events enter them. RPCs and provider
   * calls of the run, on any thread the run's gRPC Context reaches, start under its stage.
   */
  @Override
  public void run(JobRuntime job, Runnable run) {
    JobWatch watch = jobs.get(job.id());
    SpanContext first = traces.get(job.id());
    RunTrace trace = new RunTrace(job.id(), first);
    if (first == null) {
      traces.put(job.id(), trace.context());
    }
    if (watch != null) {
      watch.trace(trace);
    }
    MDC.put(MDC_KEY, job.id());
    try {
      io.grpc.Context.current().withValue(SpanParents.KEY, trace::parent).run(run);
    } finally {
      if (watch != null) {
        watch.trace(null);
      }
      trace.end(job.state());
      MDC.remove(MDC_KEY);
    }
  }

  /** {@code pool}, its tasks run with the job id in the MDC (clip renders, in parallel). */
  @Override
  public Executor workers(String jobId, Executor pool) {
    return command -> pool.execute(() -> {
      MDC.put(MDC_KEY, jobId);
      try {
        command.run();
      } finally {
        MDC.remove(MDC_KEY);
      }
    });
  }


  @Override
  public void close() {
    LIVE.remove(this);
  }
}
