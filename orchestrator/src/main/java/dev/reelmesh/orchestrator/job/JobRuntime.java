package dev.reelmesh.orchestrator.job;

import com.google.protobuf.Timestamp;
import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.event.EventLog;
import dev.reelmesh.orchestrator.store.LeaseLost;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobError;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import io.grpc.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A job while the engine holds it: its snapshot, event log and step memo. Every change goes to
 * the store before anyone sees it; the percent a run reports never goes down.
 */
public final class JobRuntime {
  private final JobStore store;
  private final Ledger ledger;
  private final EventLog log;
  private final String writer;
  private final StepMemo memo;
  private Job.Builder job;
  private double percentFloor;
  private volatile Context.CancellableContext context;
  private volatile boolean cancelRequested;
  private volatile boolean stopping;
  /** Hears each event this process appends, once persisted (metrics, traces). */
  private volatile Consumer<JobEvent> observer;
  /** Set when the job itself (state, result, error, bill) changed since the last snapshot. */
  private boolean snapshotStale = true;

  /**
   * @param restored the job's events so far
   * @param bill what the store charged the job so far (the snapshot's bill may be older)
   */
  JobRuntime(Ledger ledger, Job job, List<JobEvent> restored, List<CostLine> bill) {
    this(ledger, job, restored, bill, null);
  }

  /**
   * @param writer the orchestrator (lease owner) whose runs write this job's events and snapshot:
   *     once another holds the job's lease, a write is refused and the run stops (null: unfenced)
   */
  JobRuntime(Ledger ledger, Job job, List<JobEvent> restored, List<CostLine> bill,
      String writer) {
    this.store = ledger.store();
    this.writer = writer;
    this.ledger = ledger;
    this.job = job.toBuilder();
    this.job.setCost(report(bill));
    this.log = new EventLog(job.getJobId(), restored, event -> {
      fenced(() -> store.appendEvent(event, writer));
      Consumer<JobEvent> watching = observer;
      if (watching != null) {
        watching.accept(event); // appended here, in order: never a mirrored event
      }
    });
    this.memo = new StepMemo(store, job.getJobId());
    memo.onDamaged(key -> warn(this.job.getStage(), this.job.getPercent(), "step_record_damaged",
        "the recorded result of step " + key + " is damaged and is computed again; "
            + "if that step is a paid call, it is paid again"));
    if (!restored.isEmpty()) {
      // Progress lives in the event log (synced per event); the snapshot is rewritten only when
      // the job itself changes, so its stage and percent may be older than the last event.
      JobEvent last = restored.get(restored.size() - 1);
      this.job.setStage(last.getStage()).setPercent(last.getPercent()).setUpdated(last.getTime());
    }
    this.percentFloor = this.job.getPercent();
    if (isTerminal(job.getState())) {
      log.close();
    }
  }

  /**
   * {@code observer} hears every event appended from now on, in sequence order, inside the
   * log's lock on the appending thread: it must be quick and must not throw.
   */
  public void observeEvents(Consumer<JobEvent> observer) {
    this.observer = observer;
  }

  public String id() {
    return job.getJobId();
  }

  public EventLog log() {
    return log;
  }

  public StepMemo memo() {
    return memo;
  }

  public synchronized Job snapshot() {
    return job.setLastSequence(log.lastSequence()).build();
  }

  public static boolean isTerminal(JobState state) {
    return state == JobState.JOB_STATE_SUCCEEDED || state == JobState.JOB_STATE_FAILED
        || state == JobState.JOB_STATE_CANCELLED;
  }

  /** A progress event; the percent is clamped so it never decreases within a run. */
  public JobEvent event(Stage stage, double percent, String message,
      Consumer<JobEvent.Builder> payload) {
    // Clamping and appending under one lock: events from parallel clip renders still come out
    // with percents in order.
    synchronized (this) {
      percentFloor = Math.max(percentFloor, Math.min(100, percent));
      job.setStage(stage).setPercent(percentFloor);
      JobEvent.Builder event = JobEvent.newBuilder().setStage(stage).setPercent(percentFloor)
          .setMessage(message);
      if (payload != null) {
        payload.accept(event);
      }
      JobEvent appended = log.append(event);
      job.setUpdated(appended.getTime()); // as a restart rebuilds it from the last event
      if (snapshotStale) {
        persist();
        snapshotStale = false;
      }
      return appended;
    }
  }

  public JobEvent event(Stage stage, double percent, String message) {
    return event(stage, percent, message, null);
  }

  /** Something degraded instead of failing: a fallback event, never a silent one. */
  public void fallback(Stage stage, double percent, String component, String wanted,
      String used, String reason, int clip) {
    dev.reelmesh.v1.Fallback fallback = dev.reelmesh.v1.Fallback.newBuilder()
        .setComponent(component).setWanted(wanted).setUsed(used).setReason(reason)
        .setClipIndex(clip).build();
    event(stage, percent, component + " fell back to " + used + ": " + reason,
        e -> e.setFallback(fallback));
  }

  public void warn(Stage stage, double percent, String code, String message) {
    event(stage, percent, message, e -> e.setWarning(
        dev.reelmesh.v1.Warning.newBuilder().setCode(code).setMessage(message)));
  }

  /** A provider call failed transiently and is tried again: a retry event, with the reason. */
  public void retrying(String step, int attempt, String reason, java.time.Duration delay) {
    Stage stage;
    double percent;
    synchronized (this) {
      stage = job.getStage();
      percent = job.getPercent();
    }
    event(stage, percent, "retrying " + step + " in " + delay.toMillis() + " ms: attempt "
        + attempt + " failed: " + reason, e -> e.setRetry(dev.reelmesh.v1.Retry.newBuilder()
            .setStep(step).setAttempt(attempt).setReason(reason)
            .setDelayMillis(delay.toMillis())));
  }

  /** A provider job moved in the provider's queue: a queued event, one per new position. */
  public void queued(String step, String providerJobId, int position) {
    Stage stage;
    double percent;
    synchronized (this) {
      stage = job.getStage();
      percent = job.getPercent();
    }
    event(stage, percent, step + ": job " + providerJobId + " in the provider's queue, position "
        + position, e -> e.setQueued(dev.reelmesh.v1.ProviderQueued.newBuilder().setStep(step)
            .setProviderJobId(providerJobId).setPosition(position)));
  }

  /** The plan came from a fallback engine (a refinement the job's LLM could not make). */
  public void planFallback(dev.reelmesh.v1.EngineInfo engine, double percent) {
    if (engine.getFallback()) {
      String wanted = spec().spec().getProviders().getLlm();
      fallback(Stage.STAGE_PLAN, percent, "llm", wanted.isEmpty()
          ? "the llm service's configured engine" : wanted, engine.getEngine(),
          engine.getFallbackReason(), -1);
    }
  }

  /** Changes state and says so in the stream. Terminal states close the event log. */
  public void state(JobState state, String message) {
    Stage stage;
    double percent;
    synchronized (this) {
      job.setState(state).setUpdated(now());
      snapshotStale = true;
      stage = job.getStage();
      percent = job.getPercent();
    }
    event(stage, percent, message, e -> e.setState(state));
    if (isTerminal(state)) {
      log.close();
    }
  }

  /**
   * The job runs on another orchestrator: its stored state, bill and newer events replace this
   * copy's, so watchers here see them. A terminal state among the events ends the stream.
   */
  public void mirror(Job stored, List<JobEvent> newer, List<CostLine> bill) {
    boolean ended = false;
    synchronized (this) {
      job = stored.toBuilder().setCost(report(bill));
      for (JobEvent event : newer) {
        job.setStage(event.getStage()).setPercent(event.getPercent())
            .setUpdated(event.getTime());
        if (event.hasState()) {
          job.setState(event.getState());
        }
      }
      ended = isTerminal(job.getState());
      percentFloor = job.getPercent();
    }
    log.adopt(newer);
    if (ended) {
      log.close();
    }
  }

  /** A new run (resume or regeneration) may start below the old percent: at its stage's start. */
  public synchronized void startRun(double fromPercent) {
    percentFloor = fromPercent;
    job.setPercent(fromPercent);
    cancelRequested = false;
    log.reopen();
  }

  public synchronized JobState state() {
    return job.getState();
  }

  public synchronized JobSpecView spec() {
    return new JobSpecView(job.getSpec());
  }

  public void succeed(JobResult result) {
    synchronized (this) {
      job.setResult(result).clearError();
      snapshotStale = true;
    }
    event(Stage.STAGE_DELIVER, 100, "done: " + result.getVideo().getUri(),
        e -> e.setResult(result));
    state(JobState.JOB_STATE_SUCCEEDED, "job succeeded");
  }

  public void fail(int code, String message, Stage stage) {
    JobError error = JobError.newBuilder().setCode(code).setMessage(message).setStage(stage)
        .build();
    synchronized (this) {
      job.setError(error);
      snapshotStale = true;
    }
    event(stage, job.getPercent(), "failed: " + message, e -> e.setError(error));
    state(JobState.JOB_STATE_FAILED, "job failed");
  }

  /**
   * Charges priced lines that no journaled call covers (the LLM service prices its own calls)
   * and adds them to the job's bill.
   */
  public void addCost(List<CostLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    ledger.charge(id(), lines);
    charged(lines);
  }

  /** Lines the store has charged (a settled or unreconciled call) join the bill in memory. */
  public void charged(List<CostLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    CostReport report;
    Stage stage;
    double percent;
    synchronized (this) {
      List<CostLine> all = new java.util.ArrayList<>(job.getCost().getLinesList());
      all.addAll(lines);
      report = report(all);
      job.setCost(report);
      snapshotStale = true;
      stage = job.getStage();
      percent = job.getPercent();
    }
    event(stage, percent, "cost so far $" + report.getActualTotalMicros() / 1e6,
        e -> e.getCostBuilder().setCost(report));
  }

  private static CostReport report(List<CostLine> lines) {
    long estimated = 0;
    long actual = 0;
    for (CostLine line : lines) {
      estimated += line.getEstimatedMicros();
      actual += line.getActualMicros();
    }
    return CostReport.newBuilder().addAllLines(lines).setEstimatedTotalMicros(estimated)
        .setActualTotalMicros(actual).build();
  }

  public synchronized CostReport cost() {
    return job.getCost();
  }

  /** Serialised per job, so an older snapshot never overwrites a newer one. */
  synchronized void persist() {
    fenced(() -> store.saveSnapshot(snapshot(), writer));
  }

  /** A write refused because the job was taken over stops this run, as a lost lease does. */
  private void fenced(Runnable write) {
    try {
      write.run();
    } catch (LeaseLost e) {
      leaseLost();
      throw e;
    }
  }

  public void setContext(Context.CancellableContext context) {
    this.context = context;
  }

  public Context.CancellableContext context() {
    return context;
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  /** Stops the current run's work: every RPC it has in flight is cancelled. */
  public void requestCancel(String reason) {
    cancelRequested = true;
    Context.CancellableContext running = context;
    if (running != null) {
      running.cancel(new java.util.concurrent.CancellationException(reason));
    }
  }

  public Ledger ledger() {
    return ledger;
  }

  /** The engine is shutting down: stop the run but keep the job's state for the next start. */
  void stopForShutdown() {
    stopping = true;
    Context.CancellableContext running = context;
    if (running != null) {
      running.cancel(new dev.reelmesh.orchestrator.provider.EngineStopping());
    }
  }

  /**
   * Another orchestrator took the job over (this one was presumed dead): the run stops as at a
   * shutdown, writing nothing more of the job's state; the job is the new orchestrator's.
   */
  public void leaseLost() {
    stopForShutdown();
  }

  public boolean stopping() {
    return stopping;
  }

  private static Timestamp now() {
    Instant now = Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }
}
