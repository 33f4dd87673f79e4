package dev.reelmesh.orchestrator.job;

import dev.reelmesh.v1.Stage;
import java.util.concurrent.Executor;

/**
 * What runs a job through its stages. The engine is handed one (production wiring builds it
 * from the stage list), so it leases, queues, resumes and cancels jobs without knowing a stage.
 */
public interface JobRunner {
  /**
   * One run of {@code job}, from the top: finished steps return their records. It ends the job
   * (succeeded, failed, cancelled, or at the plan gate), or returns early when the engine stops.
   *
   * @param leaseOwner the orchestrator whose lease the run holds: what it records of a paid
   *     call commits only while that lease holds
   * @param clips where clip renders run in parallel
   */
  Runnable run(JobRuntime job, String leaseOwner, Executor clips);

  /** The percent at which {@code stage} starts, for a run that starts there (regeneration). */
  double startOf(Stage stage);

  /** The percent at which {@code stage} ends (the plan, at the approval gate). */
  double endOf(Stage stage);

  /** The step the plan is recorded as, for a refinement to replace it. */
  String planKey();

  /** The step that records the plan's approval, so the next run goes past the gate. */
  String approvalKey();
}
