package dev.reelmesh.orchestrator.store;

/**
 * A run tried to record a paid call's outcome for a job whose lease another orchestrator holds
 * now (this one was presumed dead). Nothing was committed: the call stays held, so the job's new
 * orchestrator charges it at its estimate, unreconciled, and this run must stop quietly.
 */
public final class LeaseLost extends RuntimeException {
  public LeaseLost(String jobId, String owner, String holder) {
    super("job " + jobId + " is run by " + (holder == null ? "nobody" : holder) + " now, not "
        + owner + ": this run's result is not recorded");
  }
}
