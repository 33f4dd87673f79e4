package dev.reelmesh.orchestrator.budget;

import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The monthly spend ledger: the sum of what the store charged this month (so it equals the sum
 * of the jobs' charges), against this orchestrator's monthly limit. A new month starts from
 * zero. Spend that would cross the limit is refused before any call is made.
 */
public final class Ledger {
  /** 50 USD, the default monthly limit. */
  public static final long DEFAULT_LIMIT_MICROS = 50_000_000L;
  private final JobStore store;
  private final long limitMicros;
  private final Clock clock;

  public Ledger(JobStore store, long limitMicros, Clock clock) {
    this.store = store;
    this.limitMicros = limitMicros;
    this.clock = clock;
  }

  /** The limit from {@code REELMESH_MONTHLY_LIMIT_USD}, else 50 USD. */
  public static long limitFromEnv(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT_MICROS;
    }
    double usd = Double.parseDouble(value.strip());
    if (!(usd >= 0) || Double.isInfinite(usd)) {
      throw new IllegalArgumentException("REELMESH_MONTHLY_LIMIT_USD must be >= 0, got " + value);
    }
    return Math.round(usd * 1_000_000);
  }

  public YearMonth month() {
    return YearMonth.now(clock.withZone(ZoneOffset.UTC));
  }

  public Budget budget() {
    return store.budget(month(), limitMicros);
  }

  /** One tenant's month (see {@link JobStore#budget(String, YearMonth, long)}). */
  public Budget budget(String tenant) {
    return store.budget(tenant, month(), limitMicros);
  }

  /** Journals a paid call of {@code jobId} and holds its estimate (see {@link JobStore#hold}). */
  public JobStore.Hold hold(String jobId, String step, CostLine estimate, long capMicros) {
    return hold(jobId, step, estimate, capMicros, null);
  }

  /** As above, for a run under {@code leaseOwner}'s lease ({@link JobStore#hold}). */
  public JobStore.Hold hold(String jobId, String step, CostLine estimate, long capMicros,
      String leaseOwner) {
    return store.hold(jobId, step, estimate, capMicros, month(), limitMicros, leaseOwner);
  }

  /** Journals a chat turn of {@code sessionId} and holds it (see {@link JobStore#holdChat}). */
  public JobStore.Hold holdChat(String sessionId, String step, CostLine estimate,
      long sessionCapMicros) {
    return store.holdChat(sessionId, step, estimate, sessionCapMicros, month(), limitMicros);
  }

  /** Charges lines that were not journaled (priced by the service that made the call). */
  public void charge(String jobId, List<CostLine> lines) {
    store.charge(jobId, month(), lines);
  }

  public long headroom(String jobId, long capMicros) {
    return store.headroom(jobId, capMicros, month(), limitMicros);
  }

  public JobStore store() {
    return store;
  }
}
