package dev.reelmesh.orchestrator.store;

import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The job store on PostgreSQL (embedded or shared), through a connection pool. */
public final class PgStore implements JobStore {
  private final PgJobs jobs;
  private final PgJournal journal;
  private final PgCredits credits;
  private final PgDeletion deletion;

  /** Credits required or not as {@code REELMESH_CREDITS} says. */
  public PgStore(DataSource pool) {
    this(pool, PgCredits.requiredFromEnv(System.getenv(PgCredits.MODE_VARIABLE)));
  }

  /**
   * @param creditsRequired whether a tenant without a credit account may make no paid call
   *     (else credits limit only tenants that have an account)
   */
  public PgStore(DataSource pool, boolean creditsRequired) {
    Sql sql = new Sql(pool);
    this.jobs = new PgJobs(sql);
    this.credits = new PgCredits(sql, creditsRequired);
    this.journal = new PgJournal(sql, credits);
    this.deletion = new PgDeletion(sql);
  }

  @Override
  public Optional<String> insert(Job job) {
    return jobs.insert(job);
  }

  @Override
  public void saveSnapshot(Job job, String writer) {
    jobs.saveSnapshot(job, writer);
  }

  @Override
  public Optional<Job> load(String jobId) {
    return jobs.load(jobId);
  }

  @Override
  public List<Job> loadAll() {
    return jobs.loadAll();
  }

  @Override
  public List<Job> loadNotEnded() {
    return jobs.loadNotEnded();
  }

  @Override
  public boolean delete(String jobId) {
    return deletion.delete(jobId);
  }

  @Override
  public void appendEvent(JobEvent event, String writer) {
    jobs.appendEvent(event, writer);
  }

  @Override
  public List<JobEvent> events(String jobId, long after, int max) {
    return jobs.events(jobId, after, max);
  }

  @Override
  public byte[] step(String jobId, String key) {
    return jobs.step(jobId, key);
  }

  @Override
  public void putStep(String jobId, String key, byte[] result) {
    jobs.putStep(jobId, key, result);
  }

  @Override
  public void forgetSteps(String jobId, String prefix) {
    jobs.forgetSteps(jobId, prefix);
  }

  @Override
  public Hold hold(String jobId, String step, CostLine estimate, long capMicros,
      YearMonth month, long limitMicros, String leaseOwner) {
    return journal.hold(jobId, step, estimate, capMicros, month, limitMicros, leaseOwner);
  }

  @Override
  public Hold holdChat(String sessionId, String step, CostLine estimate, long sessionCapMicros,
      YearMonth month, long limitMicros) {
    return journal.holdChat(sessionId, step, estimate, sessionCapMicros, month, limitMicros);
  }

  @Override
  public List<CostLine> unreconcileStaleChat(java.time.Duration olderThan) {
    return journal.unreconcileStaleChat(olderThan);
  }

  @Override
  public void settle(long callId, List<CostLine> lines, String stepKey, byte[] stepResult,
      String leaseOwner) {
    journal.settle(callId, lines, stepKey, stepResult, leaseOwner);
  }

  @Override
  public void release(long callId) {
    journal.release(callId);
  }

  @Override
  public void charge(String jobId, YearMonth month, List<CostLine> lines) {
    journal.charge(jobId, month, lines);
  }

  @Override
  public List<CostLine> unreconcile(String jobId) {
    return journal.unreconcile(jobId);
  }

  @Override
  public List<CostLine> unreconcileCall(long callId) {
    return journal.unreconcileCall(callId);
  }

  @Override
  public List<CostLine> bill(String jobId) {
    return journal.bill(jobId);
  }

  @Override
  public Budget budget(YearMonth month, long limitMicros) {
    return journal.budget(month, limitMicros);
  }

  @Override
  public long headroom(String jobId, long capMicros, YearMonth month, long limitMicros) {
    return journal.headroom(jobId, capMicros, month, limitMicros);
  }

  @Override
  public Budget budget(String tenant, YearMonth month, long limitMicros) {
    return credits.budget(tenant, month, journal.budget(month, limitMicros));
  }

  @Override
  public CreditAccount credits(String tenant, int history) {
    return history == 0 ? credits.account(tenant) : credits.withHistory(tenant, history);
  }

  @Override
  public CreditAccount grant(String tenant, long micros, String by, String note) {
    return credits.grant(tenant, micros, by, note);
  }

  @Override
  public boolean lease(String jobId, String owner, Duration ttl) {
    return jobs.lease(jobId, owner, ttl);
  }

  @Override
  public List<String> orphans() {
    return jobs.orphans();
  }

  @Override
  public void unlease(String jobId, String owner) {
    jobs.unlease(jobId, owner);
  }

  @Override
  public boolean requestCancel(String jobId, String reason) {
    return jobs.requestCancel(jobId, reason);
  }

  @Override
  public java.util.Map<String, String> cancelRequests(String owner) {
    return jobs.cancelRequests(owner);
  }

  @Override
  public Optional<String> cancelRequest(String jobId) {
    return jobs.cancelRequest(jobId);
  }
}
