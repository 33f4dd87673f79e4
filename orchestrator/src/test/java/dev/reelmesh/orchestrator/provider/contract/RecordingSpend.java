package dev.reelmesh.orchestrator.provider.contract;

import com.google.protobuf.Message;
import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.v1.CostLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A budget guard that records what a provider held, settled and released; a settle records its
 * step result in the memo, as the store's one transaction does.
 */
final class RecordingSpend implements Spend {
  final List<CostLine> holds = Collections.synchronizedList(new ArrayList<>());
  final List<CostLine> settled = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger released = new AtomicInteger();
  /** Estimates charged as unreconciled: calls whose outcome is unknown. */
  final List<CostLine> unreconciled = Collections.synchronizedList(new ArrayList<>());
  private final StepMemo memo;
  volatile boolean refuse;

  RecordingSpend(StepMemo memo) {
    this.memo = memo;
  }

  @Override
  public Hold hold(CostLine estimate) {
    if (refuse) {
      throw new BudgetExceeded("the job's cap of $0.01 would be crossed by "
          + estimate.getEstimatedMicros() + " micro-dollars");
    }
    holds.add(estimate);
    return new Hold() {
      private boolean done;

      @Override
      public void settle(CostLine line, String stepKey, Message result) {
        if (stepKey != null) {
          memo.put(stepKey, result);
        }
        settled.add(line);
        done = true;
      }

      @Override
      public void mayHavePaid() {
        if (!done) {
          unreconciled.add(estimate);
          done = true;
        }
      }

      @Override
      public void close() {
        if (!done) {
          done = true;
          released.incrementAndGet();
        }
      }
    };
  }
}
