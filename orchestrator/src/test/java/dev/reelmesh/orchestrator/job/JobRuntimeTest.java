package dev.reelmesh.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRuntimeTest {
  @Test
  void progressIsRestoredFromTheEventLogWhileTheSnapshotIsWrittenOnlyOnChanges() {
    try (Database database = Database.shared(TestDatabase.fresh())) {
      JobStore store = database.store();
      Ledger ledger = new Ledger(store, 50_000_000L, Clock.systemUTC());
      Job created = Job.newBuilder().setJobId("job-1").setState(JobState.JOB_STATE_QUEUED)
          .setStage(Stage.STAGE_PLAN).build();
      store.insert(created);
      JobRuntime job = new JobRuntime(ledger, created, List.of(), List.of());
      job.state(JobState.JOB_STATE_RUNNING, "running");
      Job afterStateChange = store.loadAll().get(0);
      job.event(Stage.STAGE_STORYBOARD, 20, "frames");
      job.event(Stage.STAGE_CLIPS, 55, "clip 1 ready");

      // Progress events did not rewrite the snapshot...
      Job stored = store.loadAll().get(0);
      assertThat(stored).isEqualTo(afterStateChange);
      assertThat(stored.getState()).isEqualTo(JobState.JOB_STATE_RUNNING);
      assertThat(stored.getPercent()).isLessThan(55);

      // ...and a restart still sees them, from the log.
      JobRuntime restored = new JobRuntime(ledger, stored,
          store.events("job-1", 0, Integer.MAX_VALUE), store.bill("job-1"));
      Job snapshot = restored.snapshot();
      assertThat(snapshot.getStage()).isEqualTo(Stage.STAGE_CLIPS);
      assertThat(snapshot.getPercent()).isEqualTo(55);
      assertThat(snapshot.getLastSequence()).isEqualTo(job.snapshot().getLastSequence());
      assertThat(snapshot.getUpdated()).isEqualTo(job.snapshot().getUpdated());

      // A charge is on the job's bill and in the month's ledger at once.
      job.addCost(List.of(dev.reelmesh.v1.CostLine.newBuilder().setStage("clips")
          .setActualMicros(7).build()));
      assertThat(store.bill("job-1")).hasSize(1);
      assertThat(ledger.budget().getSpentMicros()).isEqualTo(7);
      assertThat(store.loadAll().get(0).getCost().getActualTotalMicros()).isEqualTo(7);
    }
  }
}
