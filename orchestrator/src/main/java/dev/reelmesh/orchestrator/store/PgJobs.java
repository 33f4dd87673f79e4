package dev.reelmesh.orchestrator.store;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.reelmesh.orchestrator.tenant.Tenants;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs, events, step results and leases on PostgreSQL. */
final class PgJobs {
  /** Finished jobs are nobody's to take over. */
  private static final String UNFINISHED = "state not in (" + JobState.JOB_STATE_SUCCEEDED_VALUE
      + ", " + JobState.JOB_STATE_FAILED_VALUE + ", " + JobState.JOB_STATE_CANCELLED_VALUE
      + ", " + JobState.JOB_STATE_AWAITING_APPROVAL_VALUE + ")";
  /** The job has ended (its stored state). */
  private static final String ENDED = "state in (" + JobState.JOB_STATE_SUCCEEDED_VALUE + ", "
      + JobState.JOB_STATE_FAILED_VALUE + ", " + JobState.JOB_STATE_CANCELLED_VALUE + ")";
  private final Sql sql;

  PgJobs(Sql sql) {
    this.sql = sql;
  }

  Optional<String> insert(Job job) {
    String key = job.getIdempotencyKey().isEmpty() ? null : job.getIdempotencyKey();
    return sql.auto("store job " + job.getJobId(), c -> {
      String tenant = Tenants.of(job);
      int inserted = Sql.update(c, "insert into jobs (job_id, idempotency_key, state, snapshot,"
          + " tenant) values (?, ?, ?, ?, ?) on conflict (tenant, idempotency_key) do nothing",
          job.getJobId(), key, job.getStateValue(), job.toByteArray(), tenant);
      if (inserted == 1) {
        return Optional.<String>empty();
      }
      return Optional.of(Sql.query(c, "select job_id from jobs where tenant = ? and"
          + " idempotency_key = ?", rs -> rs.getString(1), tenant, key).get(0));
    });
  }

  void saveSnapshot(Job job, String writer) {
    JobState state = job.getState();
    boolean ended = state == JobState.JOB_STATE_SUCCEEDED || state == JobState.JOB_STATE_FAILED
        || state == JobState.JOB_STATE_CANCELLED;
    // A cancel asked of the job is done with once it ends (SET sees the row's old state, so
    // whether it ends is said here). The owner test is on the row the update locks, so a
    // takeover's lease (an update of the same row) is either before it and refuses it, or after.
    sql.auto("save job " + job.getJobId(), c -> {
      int saved = Sql.update(c, "update jobs set state = ?, snapshot = ?, cancel_requested ="
          + " case when ? then null else cancel_requested end where job_id = ?"
          + " and (owner is null or owner = ? or ?)", job.getStateValue(), job.toByteArray(),
          ended, job.getJobId(), writer, writer == null);
      if (saved == 0) {
        refuseWriter(c, job.getJobId(), writer);
      }
      return null;
    });
  }

  /**
   * Nothing was written for {@code writer}: the job is another orchestrator's now
   * ({@link LeaseLost}), or there is no such job (then nothing to fence: as before, silently
   * nothing for a snapshot of a deleted job).
   */
  private static void refuseWriter(Connection c, String jobId, String writer)
      throws SQLException {
    List<String> holder = Sql.query(c, "select owner from jobs where job_id = ?",
        rs -> rs.getString(1), jobId);
    if (!holder.isEmpty()) {
      throw new LeaseLost(jobId, writer, holder.get(0));
    }
  }

  Optional<Job> load(String jobId) {
    return sql.auto("load job " + jobId, c -> Sql.query(c, "select snapshot from jobs where"
        + " job_id = ?", rs -> job(rs.getBytes(1)), jobId).stream().findFirst());
  }

  List<Job> loadAll() {
    return sql.auto("list jobs", c -> Sql.query(c, "select snapshot from jobs order by"
        + " created_at", rs -> job(rs.getBytes(1))));
  }

  List<Job> loadNotEnded() {
    return sql.auto("list the jobs not ended", c -> Sql.query(c, "select snapshot from jobs"
        + " where not " + ENDED + " order by created_at", rs -> job(rs.getBytes(1))));
  }

  void appendEvent(JobEvent event, String writer) {
    String jobId = event.getJobId();
    sql.auto("append an event to " + jobId, c -> {
      // The job's row is share-locked for the statement: a takeover's lease (an update of that
      // row) waits for this insert to commit, or this one waits for the lease and sees it.
      List<Long> inserted = Sql.query(c, "with holder as (select owner from jobs where job_id"
          + " = ? for share), added as (insert into events (job_id, sequence, body) select ?,"
          + " ?, ? from holder where ? or holder.owner is null or holder.owner = ? returning 1)"
          + " select count(*) from added", rs -> rs.getLong(1), jobId, jobId,
          event.getSequence(), event.toByteArray(), writer == null, writer);
      if (inserted.get(0) == 0) {
        refuseWriter(c, jobId, writer);
        throw new SQLException("no job " + jobId + " to append an event to");
      }
      return null;
    });
  }

  List<JobEvent> events(String jobId, long after, int max) {
    return sql.auto("read the events of " + jobId, c -> Sql.query(c, "select body from events"
        + " where job_id = ? and sequence > ? order by sequence limit ?", rs -> {
          try {
            return JobEvent.parseFrom(rs.getBytes(1));
          } catch (InvalidProtocolBufferException e) {
            throw new SQLException("a stored event of " + jobId + " is damaged", e);
          }
        }, jobId, after, max));
  }

  byte[] step(String jobId, String key) {
    return sql.auto("read step " + key, c -> Sql.query(c, "select body from steps where"
        + " job_id = ? and key = ?", rs -> rs.getBytes(1), jobId, key).stream().findFirst()
        .orElse(null));
  }

  void putStep(String jobId, String key, byte[] result) {
    sql.auto("record step " + key, c -> {
      putStep(c, jobId, key, result);
      return null;
    });
  }

  static void putStep(Connection c, String jobId, String key, byte[] result)
      throws SQLException {
    Sql.update(c, "insert into steps (job_id, key, body) values (?, ?, ?) on conflict"
        + " (job_id, key) do update set body = excluded.body", jobId, key, result);
  }

  void forgetSteps(String jobId, String prefix) {
    sql.auto("forget steps " + prefix, c -> Sql.update(c, "delete from steps where job_id = ?"
        + " and starts_with(key, ?)", jobId, prefix));
  }

  boolean lease(String jobId, String owner, Duration ttl) {
    return sql.auto("lease " + jobId, c -> Sql.update(c, "update jobs set owner = ?,"
        + " lease_until = now() + make_interval(secs => ?) where job_id = ? and (owner = ?"
        + " or owner is null or lease_until < now())", owner, ttl.toMillis() / 1000.0, jobId,
        owner) == 1);
  }

  List<String> orphans() {
    return sql.auto("find orphaned jobs", c -> Sql.query(c, "select job_id from jobs where "
        + UNFINISHED + " and (owner is null or lease_until < now()) order by created_at",
        rs -> rs.getString(1)));
  }

  void unlease(String jobId, String owner) {
    sql.auto("release the lease of " + jobId, c -> Sql.update(c, "update jobs set owner ="
        + " null, lease_until = null where job_id = ? and owner = ?", jobId, owner));
  }

  boolean requestCancel(String jobId, String reason) {
    return sql.auto("record a cancel of " + jobId, c -> Sql.update(c, "update jobs set"
        + " cancel_requested = ? where job_id = ? and not " + ENDED, reason, jobId) == 1);
  }

  Map<String, String> cancelRequests(String owner) {
    return sql.auto("read the cancels asked of " + owner, c -> {
      Map<String, String> asked = new LinkedHashMap<>();
      Sql.query(c, "select job_id, cancel_requested from jobs where owner = ? and"
          + " cancel_requested is not null", rs -> asked.put(rs.getString(1), rs.getString(2)),
          owner);
      return asked;
    });
  }

  Optional<String> cancelRequest(String jobId) {
    return sql.auto("read the cancel asked of " + jobId, c -> Sql.query(c, "select"
        + " cancel_requested from jobs where job_id = ? and cancel_requested is not null",
        rs -> rs.getString(1), jobId).stream().findFirst());
  }

  private static Job job(byte[] bytes) throws SQLException {
    try {
      return Job.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("a stored job snapshot is damaged", e);
    }
  }
}
