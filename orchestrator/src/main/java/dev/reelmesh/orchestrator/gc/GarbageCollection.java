package dev.reelmesh.orchestrator.gc;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.job.JobFiles;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.v1.CollectGarbageRequest;
import dev.reelmesh.v1.CollectGarbageResponse;
import dev.reelmesh.v1.DeleteJobResponse;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CollectGarbage: every ended job in the chosen states whose last change (its end) is older
 * than the cut-off, deleted as DeleteJob deletes one, oldest first.
 */
public final class GarbageCollection {
  /** What {@code reelmesh jobs gc} collects unless told otherwise: jobs that produced nothing. */
  public static final Set<JobState> DEFAULT_STATES =
      EnumSet.of(JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLED);

  private GarbageCollection() {}

  public static CollectGarbageResponse collect(JobEngine engine, CollectGarbageRequest request,
      Clock clock) {
    if (request.getOlderThanSeconds() < 0) {
      throw Statuses.invalid("older_than_seconds", "must be >= 0, got "
          + request.getOlderThanSeconds());
    }
    Set<JobState> states = EnumSet.noneOf(JobState.class);
    for (int i = 0; i < request.getStatesCount(); i++) {
      JobState state = request.getStates(i);
      if (!JobRuntime.isTerminal(state)) {
        throw Statuses.invalid("states[" + i + "]", "only ended jobs are collected "
            + "(SUCCEEDED, FAILED, CANCELLED), got " + state.name().replace("JOB_STATE_", ""));
      }
      states.add(state);
    }
    if (states.isEmpty()) {
      states = DEFAULT_STATES;
    }
    Instant cutoff = clock.instant().minusSeconds(request.getOlderThanSeconds());
    Set<JobState> chosen = states;
    List<Job> candidates = engine.all().stream()
        .filter(job -> chosen.contains(job.getState()))
        .filter(job -> !ended(job).isAfter(cutoff))
        .sorted(Comparator.comparing(GarbageCollection::ended))
        .toList();
    CollectGarbageResponse.Builder response = CollectGarbageResponse.newBuilder();
    for (Job job : candidates) {
      DeleteJobResponse deleted;
      if (request.getDryRun()) {
        JobFiles.Size size = JobFiles.measure(
            JobFiles.directory(engine.artifacts().root(), job.getJobId()));
        deleted = DeleteJobResponse.newBuilder().setJobId(job.getJobId())
            .setState(job.getState()).setFiles(size.files()).setFreedBytes(size.bytes()).build();
      } else {
        try {
          deleted = engine.delete(job.getJobId());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.NOT_FOUND
              || e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
            continue; // deleted or regenerated meanwhile: not garbage any more
          }
          throw e;
        }
      }
      response.addDeleted(deleted);
      response.setFreedBytes(response.getFreedBytes() + deleted.getFreedBytes());
    }
    return response.build();
  }

  private static Instant ended(Job job) {
    return Instant.ofEpochSecond(job.getUpdated().getSeconds(), job.getUpdated().getNanos());
  }
}
