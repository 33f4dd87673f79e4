package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.v1.CostLine;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budget guard of one job: a hold counts the calls already in flight (parallel clips, other
 * jobs), so two calls that each fit cannot together cross the job's cap or the month's limit.
 * Settling adds the priced line to the job (which records the spend in the ledger) before the
 * hold is released, so the money is never counted nowhere.
 */
public final class JobSpend implements Spend {
  private final JobRuntime job;
  private final Ledger ledger;
  /** Held across every job of the engine; the month's limit is shared. */
  private final AtomicLong monthInFlight;
  private long jobInFlight;

  public JobSpend(JobRuntime job, Ledger ledger, AtomicLong monthInFlight) {
    this.job = job;
    this.ledger = ledger;
    this.monthInFlight = monthInFlight;
  }

  @Override
  public Hold hold(CostLine estimate) {
    long micros = estimate.getEstimatedMicros();
    String what = estimate.getProvider() + " " + estimate.getItem() + " ×" + quantity(estimate);
    synchronized (ledger) {
      synchronized (this) {
        long cap = job.spec().spec().getBudgetCapMicros();
        long spent = job.cost().getActualTotalMicros();
        if (cap > 0 && spent + jobInFlight + micros > cap) {
          throw new BudgetExceeded(String.format("job budget cap %s would be crossed: spent %s, "
              + "in flight %s, this call (%s) is estimated at %s; raise spec.budget_cap_micros "
              + "or choose cheaper providers", usd(cap), usd(spent), usd(jobInFlight), what,
              usd(micros)));
        }
        long remaining = ledger.budget().getRemainingMicros();
        if (micros > remaining - monthInFlight.get()) {
          throw new BudgetExceeded(String.format("monthly limit %s would be crossed: %s left "
              + "this month, %s in flight, this call (%s) is estimated at %s; raise "
              + "REELMESH_MONTHLY_LIMIT_USD or wait for next month",
              usd(ledger.budget().getMonthlyLimitMicros()), usd(remaining),
              usd(monthInFlight.get()), what, usd(micros)));
        }
        jobInFlight += micros;
        monthInFlight.addAndGet(micros);
      }
    }
    return new Hold() {
      private boolean released;

      @Override
      public void settle(CostLine line) {
        job.addCost(List.of(line));
        close();
      }

      @Override
      public void close() {
        synchronized (JobSpend.this) {
          if (released) {
            return;
          }
          released = true;
          jobInFlight -= micros;
          monthInFlight.addAndGet(-micros);
        }
      }
    };
  }

  /**
   * What one paid call may spend now: the job cap's and the month's headroom, less the calls in
   * flight. Handed to services that price their own calls (the LLM service).
   */
  public long headroomMicros() {
    synchronized (ledger) {
      synchronized (this) {
        long month = ledger.budget().getRemainingMicros() - monthInFlight.get();
        long cap = job.spec().spec().getBudgetCapMicros();
        long job = cap == 0 ? Long.MAX_VALUE
            : cap - this.job.cost().getActualTotalMicros() - jobInFlight;
        return Math.max(0, Math.min(month, job));
      }
    }
  }

  /**
   * Options for an LLM call made for this job: its engine choice ("" = the LLM service's
   * configured one) and its budget headroom, so a paid call is priced and refused before it is
   * made.
   */
  public dev.reelmesh.v1.LlmCallOptions llmOptions() {
    long headroom = headroomMicros();
    return dev.reelmesh.v1.LlmCallOptions.newBuilder()
        .setEngine(job.spec().spec().getProviders().getLlm())
        // 0 means "no cap" to the service; with no headroom left, one micro-dollar refuses all.
        .setMaxSpendMicros(headroom == Long.MAX_VALUE ? 0 : Math.max(1, headroom))
        .build();
  }

  private static String quantity(CostLine line) {
    double q = line.getQuantity();
    return q == Math.rint(q) ? String.valueOf((long) q) : String.valueOf(q);
  }

  static String usd(long micros) {
    return String.format("$%.4f", micros / 1e6);
  }
}
