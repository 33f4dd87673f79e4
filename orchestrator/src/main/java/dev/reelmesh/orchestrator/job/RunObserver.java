package dev.reelmesh.orchestrator.job;

import java.util.concurrent.Executor;

/**
 * What watches the engine's jobs from outside it (metrics, traces, the job id in log lines).
 * The engine is handed one, as it is handed its runner, so it imports no observer package.
 */
public interface RunObserver extends AutoCloseable {
  /** A job the engine now holds (submitted, loaded or mirrored): its events are heard from now. */
  void attach(JobRuntime job);

  /** The job was deleted: nothing of it is kept. */
  void forget(String jobId);

  /** Runs one run of {@code job} on this thread, observed. */
  void run(JobRuntime job, Runnable run);

  /** {@code pool} with each task of {@code jobId} observed (its id in the worker's log lines). */
  Executor workers(String jobId, Executor pool);

  @Override
  void close();

  /** Observes nothing. */
  RunObserver NONE = new RunObserver() {
    @Override
    public void attach(JobRuntime job) {}

    @Override
    public void forget(String jobId) {}

    @Override
    public void run(JobRuntime job, Runnable run) {
      run.run();
    }

    @Override
    public Executor workers(String jobId, Executor pool) {
      return pool;
    }

    @Override
    public void close() {}
  };
}
