package dev.reelmesh.orchestrator.store;

/**
 * A run tried to record a paid call, its outcome, an event or the job's snapshot for a job whose
 * lease another orchestrator holds now (this one was presumed dead: its heartbeat was late).
 * Nothing was committed: a held call stays held, so the job's new orchestrator charges it at its
 * estimate, unreconciled; the new owner's event log and state stay its own; this run must stop
 * quietly.
 */
public final class LeaseLost extends RuntimeException {
  public LeaseLost(String jobId, String owner, String holder) {
    super("job " + jobId + " is run by " + (holder == null ? "nobody" : holder) + " now, not "
        + owner + ": this run's result is not recorded");
  }
}
