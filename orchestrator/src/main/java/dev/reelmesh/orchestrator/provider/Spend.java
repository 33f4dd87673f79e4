package dev.reelmesh.orchestrator.provider;

import dev.reelmesh.v1.CostLine;

/**
 * The money side of a paid provider call, per job. A provider asks for a {@link Hold} on its
 * estimate BEFORE it calls out; the hold is refused (a {@link BudgetExceeded}) when the estimate
 * would cross the job's cap or the month's remaining budget, counting the other calls in flight.
 * After the call the provider settles the hold with the priced line (estimated and actual), which
 * lands on the job's bill and in the monthly ledger.
 */
public interface Spend {
  /** Reserves {@code estimate.getEstimatedMicros()} or throws {@link BudgetExceeded}. */
  Hold hold(CostLine estimate);

  /** A reservation; closing it without settling releases it (the call failed, nothing paid). */
  interface Hold extends AutoCloseable {
    /** Records the line (with its actual figure) on the job's bill and releases the hold. */
    void settle(CostLine line);

    @Override
    void close();
  }

  /** For engines that cost nothing: every hold is granted and nothing is recorded. */
  static Spend free() {
    return estimate -> new Hold() {
      @Override
      public void settle(CostLine line) {}

      @Override
      public void close() {}
    };
  }
}
