package dev.reelmesh.orchestrator.stage;

import com.google.protobuf.Message;
import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.v1.CostLine;
import java.util.List;

/**
 * The budget guard of one job, on the store's journal: a hold is checked against the job's cap
 * and the month's limit counting every call in flight (parallel clips, other jobs, other
 * orchestrators) in the same transaction that journals it. Settling charges the line and
 * records the step result in one transaction, then tells the job's watchers.
 */
public final class JobSpend implements Spend {
  private final JobRuntime job;
  private final Ledger ledger;

  public JobSpend(JobRuntime job, Ledger ledger) {
    this.job = job;
    this.ledger = ledger;
  }

  @Override
  public Hold hold(CostLine estimate) {
    String what = estimate.getProvider() + " " + estimate.getItem() + " ×" + quantity(estimate);
    JobStore.Hold held = ledger.hold(job.id(), what, estimate,
        job.spec().spec().getBudgetCapMicros());
    if (!held.granted()) {
      throw new BudgetExceeded(held.refusal());
    }
    JobStore store = ledger.store();
    return new Hold() {
      private boolean done;

      @Override
      public void settle(CostLine line, String stepKey, Message result) {
        store.settle(held.callId(), List.of(line), stepKey == null ? null
            : StepMemo.check(stepKey), result == null ? null : result.toByteArray());
        done = true;
        job.charged(List.of(line));
      }

      @Override
      public void close() {
        if (!done) {
          done = true;
          store.release(held.callId());
        }
      }
    };
  }

  /**
   * What one paid call may spend now: the job cap's and the month's headroom, less the calls in
   * flight. Handed to services that price their own calls (the LLM service).
   */
  public long headroomMicros() {
    return ledger.headroom(job.id(), job.spec().spec().getBudgetCapMicros());
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
}
