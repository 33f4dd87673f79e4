package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Context;
import java.util.Iterator;

/**
 * Follows a job's event stream through a {@link ProgressView} until it ends: with a result, a
 * failure, or at the plan gate. The stream stays open while a job waits for approval, so the
 * gate ends the follow here (only when it is the job's current state, not an old gate replayed).
 */
final class JobFollower {
  private JobFollower() {}

  record Outcome(JobResult result, JobEvent failure, PlanReady plan, boolean awaitingApproval,
      boolean cancelled) {
    boolean succeeded() {
      return result != null;
    }
  }

  static Outcome follow(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, String jobId,
      long after, ProgressView view) {
    Context.CancellableContext watch = Context.current().withCancellation();
    try {
      return watch.call(() -> read(pipeline, jobId, after, view));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      watch.cancel(null); // ends the server's stream when we stopped at the gate
      view.close();
    }
  }

  private static Outcome read(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
      String jobId, long after, ProgressView view) {
    Iterator<JobEvent> events = pipeline.watchJob(WatchJobRequest.newBuilder().setJobId(jobId)
        .setAfterSequence(after).build());
    JobResult result = null;
    JobEvent failure = null;
    PlanReady plan = null;
    boolean cancelled = false;
    while (events.hasNext()) {
      JobEvent event = events.next();
      view.accept(event);
      if (event.hasPlanReady()) {
        plan = event.getPlanReady();
      } else if (event.hasResult()) {
        result = event.getResult();
        failure = null;
      } else if (event.hasError()) {
        failure = event;
        result = null;
      } else if (event.getState() == JobState.JOB_STATE_CANCELLED) {
        cancelled = true;
      } else if (event.getState() == JobState.JOB_STATE_AWAITING_APPROVAL
          && atGate(pipeline, jobId, event.getSequence())) {
        return new Outcome(null, null, plan, true, false);
      }
    }
    return new Outcome(result, failure, plan, false, cancelled && result == null);
  }

  private static boolean atGate(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
      String jobId, long sequence) {
    var job = pipeline.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
    return job.getState() == JobState.JOB_STATE_AWAITING_APPROVAL
        && job.getLastSequence() == sequence;
  }
}
