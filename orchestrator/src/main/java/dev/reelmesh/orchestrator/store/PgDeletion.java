package dev.reelmesh.orchestrator.store;

/**
 * Forgets a job: its snapshot, events and steps, in one transaction. Its journaled calls and
 * charges stay (V5 let them outlive the job's row): money history is never deleted.
 */
final class PgDeletion {
  private final Sql sql;

  PgDeletion(Sql sql) {
    this.sql = sql;
  }

  /** True when the job was there to delete. */
  boolean delete(String jobId) {
    return sql.money("delete job " + jobId, c -> {
      Sql.update(c, "delete from events where job_id = ?", jobId);
      Sql.update(c, "delete from steps where job_id = ?", jobId);
      return Sql.update(c, "delete from jobs where job_id = ?", jobId) == 1;
    });
  }
}
