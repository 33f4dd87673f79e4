package dev.reelmesh.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.Stage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A damaged step record is recomputed, never trusted, and the job's stream says so. */
class DamagedStepTest {
  @Test
  void aStepRecordThatCannotBeReadIsAWarningAndIsComputedAgain() {
    try (Database database = Database.shared(TestDatabase.fresh())) {
      JobStore store = database.store();
      Ledger ledger = new Ledger(store, 50_000_000L, Clock.systemUTC());
      Job created = Job.newBuilder().setJobId("job-1").setState(JobState.JOB_STATE_RUNNING)
          .setStage(Stage.STAGE_PLAN).build();
      store.insert(created);
      // Not a PlanReady: a truncated varint where its first field's length should be.
      store.putStep("job-1", "plan", new byte[] {0x0A, (byte) 0xFF});
      JobRuntime job = new JobRuntime(ledger, created, List.of(), List.of());

      assertThat(job.memo().find("plan", PlanReady.parser())).isNull();
      PlanReady again = PlanReady.newBuilder().setPlan(ScenePlan.newBuilder().setTitle("again"))
          .build();
      assertThat(job.memo().remember("plan", PlanReady.parser(), () -> again)).isEqualTo(again);

      assertThat(store.events("job-1", 0, Integer.MAX_VALUE)).filteredOn(e -> e.hasWarning()
          && e.getWarning().getCode().equals("step_record_damaged")).hasSize(2)
          .allSatisfy(e -> assertThat(e.getMessage()).contains("step plan")
              .contains("paid again"));
      // Recomputed and recorded: read back whole, with no new warning.
      assertThat(job.memo().find("plan", PlanReady.parser())).isEqualTo(again);
      assertThat(store.events("job-1", 0, Integer.MAX_VALUE)).filteredOn(e -> e.hasWarning())
          .hasSize(2);
    }
  }
}
