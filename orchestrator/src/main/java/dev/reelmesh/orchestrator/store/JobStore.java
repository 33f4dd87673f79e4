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

/**
 * Everything the orchestrator keeps: job snapshots, events, step results, the provider-call
 * journal and the charges the monthly ledger sums. One store is shared by every orchestrator
 * pointed at it; every implementation passes {@code JobStoreContract}.
 */
public interface JobStore {
  // ---- jobs ----

  /** Stores a new job; with an idempotency key already taken, the existing job's id instead. */
  Optional<String> insert(Job job);

  /** Saves the job's snapshot, unfenced: for a job no run holds (imports, tests). */
  default void saveSnapshot(Job job) {
    saveSnapshot(job, null);
  }

  /**
   * Saves the job's snapshot as written by {@code writer}'s run (null: outside any lease). When
   * another orchestrator holds the job's lease now, {@link LeaseLost} and nothing is written: a
   * run that has not yet noticed its takeover cannot overwrite the new owner's state.
   */
  void saveSnapshot(Job job, String writer);

  Optional<Job> load(String jobId);

  /** Every job, any orchestrator's. */
  List<Job> loadAll();

  /**
   * The jobs that have not ended (queued, running, waiting for approval), any orchestrator's:
   * what a starting engine must hold. Ended jobs are read when asked for.
   */
  List<Job> loadNotEnded();

  /**
   * Forgets a job: its snapshot, events and steps. Its paid calls and charges stay, under its
   * id: money history is never deleted. True when there was such a job.
   */
  boolean delete(String jobId);

  // ---- events ----

  /** Appends one event, unfenced (imports, tests): see {@link #appendEvent(JobEvent, String)}. */
  default void appendEvent(JobEvent event) {
    appendEvent(event, null);
  }

  /**
   * Appends one event written by {@code writer}'s run (null: outside any lease); its sequence
   * must be the job's next (a duplicate is refused). When another orchestrator holds the job's
   * lease now, {@link LeaseLost} and nothing is written, checked against a takeover as a hold
   * is: a takeover that reads the events after taking the lease sees every event the old run
   * wrote, and the old run writes none after it.
   */
  void appendEvent(JobEvent event, String writer);

  /** Events with sequence > {@code after}, at most {@code max}, in order. */
  List<JobEvent> events(String jobId, long after, int max);

  // ---- step results ----

  /** The recorded bytes of a step, or null. */
  byte[] step(String jobId, String key);

  void putStep(String jobId, String key, byte[] result);

  /** Forgets every step of the job whose key starts with {@code prefix}. */
  void forgetSteps(String jobId, String prefix);

  // ---- money ----

  /**
   * Journals a paid call before it is made and holds its estimate, refused when the job's
   * charges and holds plus this estimate would cross {@code capMicros} (0: no cap) or the
   * month's would cross {@code limitMicros}. Checked and written in one transaction.
   */
  default Hold hold(String jobId, String step, CostLine estimate, long capMicros,
      YearMonth month, long limitMicros) {
    return hold(jobId, step, estimate, capMicros, month, limitMicros, null);
  }

  /**
   * As above, for a run under {@code leaseOwner}'s lease (null: outside a run): when another
   * orchestrator holds the job now, {@link LeaseLost} and nothing is journaled, so a run that
   * has not yet noticed its takeover never makes a paid call the new owner cannot see.
   */
  Hold hold(String jobId, String step, CostLine estimate, long capMicros, YearMonth month,
      long limitMicros, String leaseOwner);

  /**
   * Journals a chat turn of {@code sessionId} (a call of no job) before it is made and holds its
   * estimate, refused when the session's charges and holds plus this estimate would cross
   * {@code sessionCapMicros} (0: no cap), the month's would cross {@code limitMicros}, or the
   * session's tenant has not the credits. Settled, released and unreconciled as a job's call.
   */
  Hold holdChat(String sessionId, String step, CostLine estimate, long sessionCapMicros,
      YearMonth month, long limitMicros);

  /**
   * Chat turns held for longer than {@code olderThan} (their orchestrator died mid-turn):
   * charged at their hold, unreconciled. Returns the lines charged.
   */
  List<CostLine> unreconcileStaleChat(Duration olderThan);

  /** A granted hold ({@code callId}) or the refusal, in words with the figures. */
  record Hold(long callId, String refusal) {
    public boolean granted() {
      return refusal == null;
    }
  }

  /**
   * The call's outcome, in one transaction: its lines charged (on the job's bill and in the
   * month's ledger) and, when given, the step result that makes a re-run reuse it.
   */
  default void settle(long callId, List<CostLine> lines, String stepKey, byte[] stepResult) {
    settle(callId, lines, stepKey, stepResult, null);
  }

  /**
   * As above, for a run under {@code leaseOwner}'s lease: committed only while that orchestrator
   * still holds the job (checked in the same transaction), else {@link LeaseLost} and nothing
   * is written, the call left held for the job's new orchestrator to charge. Null: no lease
   * (a refinement made while the job waits, outside any run).
   */
  void settle(long callId, List<CostLine> lines, String stepKey, byte[] stepResult,
      String leaseOwner);

  /** The call failed with nothing paid: its hold is released. */
  void release(long callId);

  /** Lines charged without a journaled call (free engines, services that price their own). */
  void charge(String jobId, YearMonth month, List<CostLine> lines);

  /**
   * Held calls of a job whose run died: nobody knows their outcome, so each is charged at its
   * estimate and marked unreconciled. Returns the lines charged.
   */
  List<CostLine> unreconcile(String jobId);

  /**
   * One held call whose outcome is unknown although its run goes on (the request failed in a
   * way that does not say whether the provider billed it): charged at its estimate and marked
   * unreconciled. Returns the line charged; none when the call is not held.
   */
  List<CostLine> unreconcileCall(long callId);

  /** The job's bill, line by line, in the order charged. */
  List<CostLine> bill(String jobId);

  /** The month: spent (sum of charges), held, unreconciled, remaining under the limit. */
  Budget budget(YearMonth month, long limitMicros);

  /**
   * One tenant's month: its jobs' spend and holds; remaining is what it may still spend (the
   * month's remaining, and no more than its credits when it has an account).
   */
  Budget budget(String tenant, YearMonth month, long limitMicros);

  // ---- credits (per tenant, read from the journal; see PgCredits) ----

  /** The tenant's credits ({@code open} false without an account), with its newest entries. */
  CreditAccount credits(String tenant, int history);

  /** Adds credits to the tenant's account, opening it with the first grant. */
  CreditAccount grant(String tenant, long micros, String by, String note);

  /** What one more call of the job may spend: the cap's and the month's headroom, less holds. */
  long headroom(String jobId, long capMicros, YearMonth month, long limitMicros);

  // ---- leases ----

  /**
   * Takes the job for {@code owner} when nobody holds it or its lease ran out; renews it when
   * {@code owner} holds it. True when {@code owner} now holds it for {@code ttl}.
   */
  boolean lease(String jobId, String owner, Duration ttl);

  /** Jobs not finished whose lease is free or ran out: what an orchestrator may take over. */
  List<String> orphans();

  void unlease(String jobId, String owner);

  // ---- cancels across orchestrators ----

  /**
   * Records that the job's cancel was asked for (with the reason) where it does not run; its
   * orchestrator sees it at its next heartbeat. False when the job has ended (or is unknown).
   * The request is cleared when the job ends.
   */
  boolean requestCancel(String jobId, String reason);

  /** The cancels asked of jobs {@code owner} holds the lease of: job id → reason. */
  java.util.Map<String, String> cancelRequests(String owner);

  /** The cancel asked of the job, if any (a job taken over is cancelled, not resumed). */
  Optional<String> cancelRequest(String jobId);
}
