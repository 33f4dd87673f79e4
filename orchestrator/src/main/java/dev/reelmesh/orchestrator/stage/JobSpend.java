package dev.reelmesh.orchestrator.stage;

import com.google.protobuf.Message;
import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.store.LeaseLost;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.LlmCallOptions;
import java.util.List;
import java.util.function.Function;

/**
 * The budget guard of one job, on the store's journal: a hold is checked against the job's cap
 * and the month's limit counting every call in flight (parallel clips, other jobs, other
 * orchestrators) in the same transaction that journals it. Settling charges the line and
 * records the step result in one transaction, then tells the job's watchers.
 */
public final class JobSpend implements Spend {
  /**
   * The most one LLM service request may spend, held before it is sent. At the dearest listed
   * model (gpt-4-turbo, which also prices unknown models) a plan costs at most about $0.14
   * (4,000 output tokens), a 30-clip prompt batch or an 8-round enhancement about $0.28: each
   * fits, so the cap never turns a request the job can afford into an offline fallback.
   */
  public static final long LLM_REQUEST_MICROS = 500_000;
  private static final String OFFLINE = "offline";
  private final JobRuntime job;
  private final Ledger ledger;
  /** The orchestrator whose lease the run holds; null outside a run. */
  private final String leaseOwner;

  /** The budget of {@code job} outside a run (a refinement while it waits). */
  public JobSpend(JobRuntime job, Ledger ledger) {
    this(job, ledger, null);
  }

  /**
   * The budget of a run under {@code leaseOwner}'s lease: a settle commits only while that
   * orchestrator still holds the job.
   */
  public JobSpend(JobRuntime job, Ledger ledger, String leaseOwner) {
    this.job = job;
    this.ledger = ledger;
    this.leaseOwner = leaseOwner;
  }

  @Override
  public Hold hold(CostLine estimate) {
    JobStore.Hold held = take(estimate);
    JobStore store = ledger.store();
    return new Hold() {
      private boolean done;

      @Override
      public void settle(CostLine line, String stepKey, Message result) {
        try {
          settleCall(held.callId(), List.of(line), stepKey == null ? null
              : StepMemo.check(stepKey), result == null ? null : result.toByteArray());
        } catch (LeaseLost e) {
          done = true; // paid and not recorded: left held, for the job's new orchestrator
          throw e;
        }
        done = true;
      }

      @Override
      public void mayHavePaid() {
        if (!done) {
          done = true;
          unreconcileCall(held.callId());
        }
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

  /** Journals the call and holds its estimate, or throws {@link BudgetExceeded}. */
  private JobStore.Hold take(CostLine estimate) {
    String what = estimate.getProvider() + " " + estimate.getItem() + " ×" + quantity(estimate);
    JobStore.Hold held;
    try {
      held = ledger.hold(job.id(), what, estimate, job.spec().spec().getBudgetCapMicros(),
          leaseOwner);
    } catch (LeaseLost e) {
      job.leaseLost(); // taken over: this run stops, and nothing was journaled or paid
      throw e;
    }
    if (!held.granted()) {
      throw new BudgetExceeded(held.refusal());
    }
    return held;
  }

  /**
   * A request to the LLM service, which prices its own paid calls: like a media call it is
   * journaled and held BEFORE it is sent, at the most it may spend ({@link #LLM_REQUEST_MICROS},
   * or the headroom when less), and the service is told that figure as its cap, so it can never
   * spend more than is held. Its priced lines and, with {@code stepKey}, the step record the
   * response makes commit in one transaction. A request that fails without saying whether the
   * service paid stays charged at the held figure, unreconciled, as a crash leaves it. With the
   * offline engine chosen nothing can be paid, so nothing is held.
   *
   * @param stage the bill's stage ("plan", "storyboard", "clip_prompts")
   * @param rpc the request, in words, for the journal
   * @param call makes the request with the options it is given
   * @param costs the response's priced lines
   * @param stepKey the step the response is recorded as
   * @param record the step record of a response, which this returns
   */
  public <R, M extends Message> M llm(String stage, String rpc, Function<LlmCallOptions, R> call,
      Function<R, List<CostLine>> costs, String stepKey, Function<R, M> record) {
    StepMemo.check(stepKey);
    return llmCall(stage, rpc, call, costs, stepKey, record);
  }

  /** As above, for a request whose response is no step of the job (a refinement). */
  public <R> R llm(String stage, String rpc, Function<LlmCallOptions, R> call,
      Function<R, List<CostLine>> costs) {
    return llmCall(stage, rpc, call, costs, null, response -> response);
  }

  private <R, T> T llmCall(String stage, String rpc, Function<LlmCallOptions, R> call,
      Function<R, List<CostLine>> costs, String stepKey, Function<R, T> record) {
    String engine = job.spec().spec().getProviders().getLlm();
    if (OFFLINE.equals(engine)) {
      R response = call.apply(LlmCallOptions.newBuilder().setEngine(engine).build());
      T result = record.apply(response);
      job.addCost(costs.apply(response));
      if (stepKey != null) {
        job.memo().put(stepKey, (Message) result);
      }
      return result;
    }
    long most = Math.min(LLM_REQUEST_MICROS, headroomMicros());
    JobStore.Hold held = take(CostLine.newBuilder().setStage(stage).setProvider("llm")
        .setItem(rpc + " (held at most)").setQuantity(1).setUnit("requests")
        .setEstimatedMicros(most).build());
    JobStore store = ledger.store();
    List<CostLine> lines;
    T result;
    try {
      // 0 means "no cap" to the service; with nothing held, one micro-dollar refuses all.
      R response = call.apply(LlmCallOptions.newBuilder().setEngine(engine)
          .setMaxSpendMicros(Math.max(1, most)).build());
      lines = costs.apply(response);
      result = record.apply(response);
    } catch (RuntimeException e) {
      if (LlmOutcome.mayHavePaid(e)) {
        unreconcileCall(held.callId());
      } else {
        store.release(held.callId());
      }
      throw e;
    }
    settleCall(held.callId(), lines, stepKey, stepKey == null ? null
        : ((Message) result).toByteArray());
    return result;
  }

  /**
   * Commits a held call's lines (and its step record) in one transaction and bills the job; when
   * the job was taken over, the call is left held for its new orchestrator and this run stops.
   */
  private void settleCall(long callId, List<CostLine> lines, String stepKey, byte[] record) {
    try {
      ledger.store().settle(callId, lines, stepKey, record, leaseOwner);
    } catch (LeaseLost e) {
      job.leaseLost();
      throw e;
    }
    job.charged(lines);
  }

  /** A held call whose outcome is unknown: charged at its estimate, unreconciled. */
  private void unreconcileCall(long callId) {
    job.charged(ledger.store().unreconcileCall(callId));
  }

  /**
   * What one paid call may spend now: the job cap's and the month's headroom, less the calls in
   * flight. Handed to services that price their own calls (the LLM service).
   */
  public long headroomMicros() {
    return ledger.headroom(job.id(), job.spec().spec().getBudgetCapMicros());
  }

  private static String quantity(CostLine line) {
    double q = line.getQuantity();
    return q == Math.rint(q) ? String.valueOf((long) q) : String.valueOf(q);
  }
}
