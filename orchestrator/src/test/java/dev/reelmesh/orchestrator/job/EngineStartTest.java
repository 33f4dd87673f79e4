package dev.reelmesh.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A starting engine holds only the jobs that have not ended: ended ones are read from the store
 * when asked for, and answer exactly as a job restored at start (events, bill, progress) did.
 */
class EngineStartTest {
  @TempDir Path dir;

  @Test
  void endedJobsAreReadWhenAskedForAndAnswerAsIfRestoredAtStart() {
    try (Database database = Database.shared(TestDatabase.fresh())) {
      JobStore store = database.store();
      Ledger ledger = new Ledger(store, 50_000_000L, Clock.systemUTC());
      List<String> ended = List.of(
          run(ledger, "job-succeeded", 1, JobState.JOB_STATE_SUCCEEDED),
          run(ledger, "job-failed", 2, JobState.JOB_STATE_FAILED),
          run(ledger, "job-cancelled", 3, JobState.JOB_STATE_CANCELLED));
      String waiting = run(ledger, "job-waiting", 4, JobState.JOB_STATE_AWAITING_APPROVAL);
      // What each job answered when start-up restored every job with all its events.
      Map<String, Job> restoredAtStart = new LinkedHashMap<>();
      for (Job job : store.loadAll()) {
        restoredAtStart.put(job.getJobId(), new JobRuntime(ledger, job,
            store.events(job.getJobId(), 0, Integer.MAX_VALUE), store.bill(job.getJobId()))
            .snapshot());
      }

      List<String> fullReads = new CopyOnWriteArrayList<>();
      try (JobEngine engine = engine(counting(store, fullReads)).start()) {
        assertThat(fullReads).as("events read at start").containsExactly(waiting);

        // ListJobs: every job, newest first, as before; no job's events read for it.
        assertThat(engine.all()).containsExactly(restoredAtStart.get(waiting),
            restoredAtStart.get("job-cancelled"), restoredAtStart.get("job-failed"),
            restoredAtStart.get("job-succeeded"));
        assertThat(fullReads).containsExactly(waiting);

        for (String id : ended) {
          // GetJob and WatchJob: the snapshot and the whole event log, the stream closed.
          JobRuntime job = engine.get(id);
          assertThat(job.snapshot()).isEqualTo(restoredAtStart.get(id));
          assertThat(job.log().after(0, Integer.MAX_VALUE))
              .isEqualTo(store.events(id, 0, Integer.MAX_VALUE)).isNotEmpty();
          assertThat(job.log().isClosed()).isTrue();
          assertThat(engine.get(id)).as("held once read").isSameAs(job);
        }
        assertThat(fullReads).containsExactly(waiting, "job-succeeded", "job-failed",
            "job-cancelled");

        // An ended job's idempotency key still names it.
        JobEngine.Submitted again = engine.submit(TestMesh.quickSpec("another brief", 12)
            .build(), "key-job-failed");
        assertThat(again.deduplicated()).isTrue();
        assertThat(again.job()).isEqualTo(restoredAtStart.get("job-failed"));
        assertThat(store.loadAll()).hasSize(4);
      }
    }
  }

  /** A job written as a run writes it, ending in {@code end}. */
  private static String run(Ledger ledger, String id, long created, JobState end) {
    Job job = Job.newBuilder().setJobId(id).setState(JobState.JOB_STATE_QUEUED)
        .setStage(Stage.STAGE_PLAN).setCreated(Timestamp.newBuilder().setSeconds(created))
        .setIdempotencyKey("key-" + id).setSpec(JobSpec.newBuilder().setBrief("brief " + id))
        .build();
    ledger.store().insert(job);
    JobRuntime run = new JobRuntime(ledger, job, List.of(), List.of());
    run.event(Stage.STAGE_PLAN, 0, "queued", e -> e.setState(JobState.JOB_STATE_QUEUED));
    run.state(JobState.JOB_STATE_RUNNING, "running");
    run.addCost(List.of(CostLine.newBuilder().setStage("plan").setProvider("offline")
        .setItem("script").setEstimatedMicros(900).setActualMicros(700 + created).build()));
    run.event(Stage.STAGE_STORYBOARD, 30, "frame 1 of 4");
    switch (end) {
      case JOB_STATE_SUCCEEDED -> run.succeed(JobResult.newBuilder().setVideo(
          ArtifactRef.newBuilder().setUri(id + "/final.mp4")).build());
      case JOB_STATE_FAILED -> run.fail(13, "the media service failed", Stage.STAGE_CLIPS);
      default -> run.state(end, end.name());
    }
    return id;
  }

  private JobEngine engine(JobStore store) {
    return new JobEngine(new MeshSettings(dir.resolve("data"), dir.resolve("models")), null,
        StandardProviders.withoutKeys(), new JobEngine.Options(1, 1, 50_000_000L), store,
        new JobRunner() {
          @Override
          public Runnable run(JobRuntime job, String leaseOwner, Executor clips) {
            throw new AssertionError("no job should run: " + job.id());
          }

          @Override
          public double startOf(Stage stage) {
            return 0;
          }

          @Override
          public double endOf(Stage stage) {
            return 10;
          }

          @Override
          public String planKey() {
            return "plan";
          }

          @Override
          public String approvalKey() {
            return "approved";
          }
        }, RunObserver.NONE);
  }

  /** {@code store}, noting each job whose events are read from the first one. */
  private static JobStore counting(JobStore store, List<String> fullReads) {
    return (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(),
        new Class<?>[] {JobStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("events") && (long) args[1] == 0) {
            fullReads.add((String) args[0]);
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
