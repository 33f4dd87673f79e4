package dev.reelmesh.orchestrator.provider;

import com.google.protobuf.Message;
import dev.reelmesh.v1.CostLine;

/**
 * The money side of a paid provider call, per job. A provider asks for a {@link Hold} on its
 * estimate BEFORE it calls out: the call is journaled and its estimate held, or refused (a
 * {@link BudgetExceeded}) when it would cross the job's cap or the month's remaining budget,
 * counting the other calls in flight. After the call the provider settles the hold with the
 * priced line and, where a re-run must reuse the outcome, the step result that records it: both
 * are committed together, so an outcome is never paid without being recorded.
 */
public interface Spend {
  /**
   * Journals the call and holds {@code estimate.getEstimatedMicros()}, or throws
   * {@link BudgetExceeded}.
   */
  Hold hold(CostLine estimate);

  /** A reservation; closing it without settling releases it (the call failed, nothing paid). */
  interface Hold extends AutoCloseable {
    /** Charges the line (with its actual figure) to the job and the month; ends the hold. */
    default void settle(CostLine line) {
      settle(line, null, null);
    }

    /**
     * As {@link #settle(CostLine)}, recording {@code result} as step {@code stepKey} in the
     * same transaction.
     */
    void settle(CostLine line, String stepKey, Message result);

    /**
     * The call may have been paid although its answer never came (a create whose connection
     * dropped after it was sent): its estimate is charged, marked unreconciled, so the ledger
     * never counts less than the provider may have billed; ends the hold.
     */
    void mayHavePaid();

    @Override
    void close();
  }
}
