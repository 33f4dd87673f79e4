package dev.reelmesh.orchestrator.observe;

import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.StageTiming;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's events as they are appended here (never the ones mirrored from another
 * orchestrator, so a fleet's counters add up), turned into meters, its current run's spans
 * and a debug log line per state. Called inside the event log's lock, in sequence order, on
 * the thread that appended the event: it must be quick and must not throw.
 */
final class JobWatch {
  private static final Logger LOG = LoggerFactory.getLogger(JobWatch.class);

  private final String jobId;
  private volatile JobState state;
  private int costLines;
  private long costMicros;
  private int retries;
  private int fallbacks;
  private volatile RunTrace trace;

  JobWatch(JobRuntime job) {
    this.jobId = job.id();
    this.state = job.state();
    List<CostLine> lines = job.cost().getLinesList();
    this.costLines = lines.size(); // charged before this process: counted by the one that did
    this.costMicros = job.cost().getActualTotalMicros();
  }

  JobState state() {
    return state;
  }

  void trace(RunTrace trace) {
    this.trace = trace;
  }

  RunTrace trace() {
    return trace;
  }

  void accept(JobEvent event) {
    try {
      RunTrace run = trace;
      if (run != null) {
        run.event(event);
      }
      switch (event.getPayloadCase()) {
        case STATE -> state(event.getState());
        case RESULT -> result(event.getResult());
        case COST -> cost(event.getCost().getCost().getLinesList());
        case FALLBACK -> {
          fallbacks++;
          JobMetrics.fallback(event.getFallback().getComponent());
        }
        case RETRY -> {
          retries++;
          String[] call = ObservedProviders.current();
          JobMetrics.retry(call == null ? "unknown" : call[0], call == null ? "unknown" : call[1]);
        }
        default -> { }
      }
    } catch (RuntimeException e) {
      LOG.warn("job {}: event {} not observed: {}", jobId, event.getSequence(), e.toString());
    }
  }

  private void state(JobState entered) {
    state = entered;
    JobMetrics.transition(entered);
    if (LOG.isDebugEnabled()) {
      // States also change outside the job's run (submit, cancel, approve): named here too.
      String outer = org.slf4j.MDC.get(JobObserver.MDC_KEY);
      org.slf4j.MDC.put(JobObserver.MDC_KEY, jobId);
      try {
        LOG.debug("job {} is {}", jobId, JobMetrics.name(entered));
      } finally {
        if (outer == null) {
          org.slf4j.MDC.remove(JobObserver.MDC_KEY);
        } else {
          org.slf4j.MDC.put(JobObserver.MDC_KEY, outer);
        }
      }
    }
    if (JobRuntime.isTerminal(entered)) {
      JobMetrics.ended(entered, costMicros, retries, fallbacks);
    }
  }

  private void result(JobResult result) {
    for (StageTiming timing : result.getTimingsList()) {
      JobMetrics.stage(timing.getStage(), timing.getSeconds());
    }
    JobMetrics.run(result.getTotalSeconds());
  }

  /** The bill only grows: lines past the ones seen are new charges. */
  private void cost(List<CostLine> lines) {
    for (int i = costLines; i < lines.size(); i++) {
      JobMetrics.charged(lines.get(i));
      costMicros += lines.get(i).getActualMicros();
    }
    costLines = Math.max(costLines, lines.size());
  }
}
