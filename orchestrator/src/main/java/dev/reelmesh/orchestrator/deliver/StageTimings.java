package dev.reelmesh.orchestrator.deliver;

import com.google.protobuf.Timestamp;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.StageTiming;
import java.time.Instant;
import java.util.List;

/**
 * Each stage's wall time in one run, read off the run's own events: a stage runs from its first
 * event to the next stage's first, the last one to the end. The total is first event to end, so
 * the stages add up to it.
 */
public final class StageTimings {
  private StageTimings() {}

  /** Sets {@code timings} and {@code total_seconds} from a run's events, ending at {@code end}. */
  public static void fill(JobResult.Builder result, List<JobEvent> run, Instant end) {
    if (run.isEmpty()) {
      return;
    }
    double t0 = seconds(run.get(0).getTime());
    double stop = end.getEpochSecond() + end.getNano() / 1e9;
    StageTiming.Builder current = null;
    for (JobEvent event : run) {
      double t = seconds(event.getTime()) - t0;
      if (current == null || current.getStage() != event.getStage()) {
        if (current != null) {
          result.addTimings(current.setSeconds(t - current.getStartedSeconds()));
        }
        current = StageTiming.newBuilder().setStage(event.getStage()).setStartedSeconds(t);
      }
    }
    result.addTimings(current.setSeconds(Math.max(0, stop - t0 - current.getStartedSeconds())));
    result.setTotalSeconds(Math.max(0, stop - t0));
  }

  private static double seconds(Timestamp time) {
    return time.getSeconds() + time.getNanos() / 1e9;
  }
}
