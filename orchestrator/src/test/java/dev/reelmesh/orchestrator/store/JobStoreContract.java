package dev.reelmesh.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every job store must do; each implementation runs it by naming how to open one. */
abstract class JobStoreContract {
  static final YearMonth MONTH = YearMonth.of(2026, 12);
  JobStore store;

  /** A new, empty store. */
  abstract JobStore open();

  abstract void close();

  @BeforeEach
  void start() {
    store = open();
  }

  @AfterEach
  void stop() {
    close();
  }

  static Job job(String id, String key) {
    return Job.newBuilder().setJobId(id).setIdempotencyKey(key)
        .setState(JobState.JOB_STATE_QUEUED).build();
  }

  static CostLine line(long estimate) {
    return CostLine.newBuilder().setStage("clips").setProvider("fake").setItem("video")
        .setEstimatedMicros(estimate).build();
  }

  @Test
  void anIdempotencyKeyNamesOneJob() {
    assertThat(store.insert(job("a", "k"))).isEmpty();
    assertThat(store.insert(job("b", "k"))).contains("a");
    assertThat(store.insert(job("c", ""))).isEmpty();
    assertThat(store.insert(job("d", ""))).isEmpty();
    assertThat(store.loadAll()).extracting(Job::getJobId).containsExactly("a", "c", "d");
  }

  @Test
  void theJobsNotEndedAreLoadedWithoutTheEndedOnes() {
    for (JobState state : List.of(JobState.JOB_STATE_QUEUED, JobState.JOB_STATE_SUCCEEDED,
        JobState.JOB_STATE_RUNNING, JobState.JOB_STATE_FAILED,
        JobState.JOB_STATE_AWAITING_APPROVAL, JobState.JOB_STATE_CANCELLED)) {
      store.insert(job(state.name(), "").toBuilder().setState(state).build());
    }
    // A job ending after it was stored, and one going back to work (a regeneration).
    store.insert(job("QUEUED-then-ended", ""));
    store.saveSnapshot(job("QUEUED-then-ended", "").toBuilder()
        .setState(JobState.JOB_STATE_SUCCEEDED).build());
    store.saveSnapshot(job(JobState.JOB_STATE_FAILED.name(), "").toBuilder()
        .setState(JobState.JOB_STATE_RUNNING).build());
    assertThat(store.loadNotEnded()).extracting(Job::getJobId).containsExactly(
        "JOB_STATE_QUEUED", "JOB_STATE_RUNNING", "JOB_STATE_FAILED",
        "JOB_STATE_AWAITING_APPROVAL");
  }

  @Test
  void eventsComeBackInOrderAndASequenceIsWrittenOnce() {
    store.insert(job("a", ""));
    for (int i = 1; i <= 5; i++) {
      store.appendEvent(JobEvent.newBuilder().setJobId("a").setSequence(i).build());
    }
    assertThat(store.events("a", 2, 2)).extracting(JobEvent::getSequence).containsExactly(3L,
        4L);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.appendEvent(
        JobEvent.newBuilder().setJobId("a").setSequence(3).build()))
        .isInstanceOf(StoreFailure.class);
  }

  @Test
  void stepsAreReplacedAndForgottenByPrefix() {
    store.insert(job("a", ""));
    store.putStep("a", "clip-1", new byte[] {1});
    store.putStep("a", "clip-1", new byte[] {2});
    store.putStep("a", "clip_2", new byte[] {3});
    store.putStep("a", "plan", new byte[] {4});
    assertThat(store.step("a", "clip-1")).containsExactly(2);
    store.forgetSteps("a", "clip");
    assertThat(store.step("a", "clip-1")).isNull();
    assertThat(store.step("a", "clip_2")).isNull();
    assertThat(store.step("a", "plan")).containsExactly(4);
  }

  @Test
  void aHoldIsRefusedOverTheCapAndTheMonthCountingOtherHolds() {
    store.insert(job("a", ""));
    assertThat(store.hold("a", "one", line(600), 1000, MONTH, 5000).granted()).isTrue();
    JobStore.Hold overCap = store.hold("a", "two", line(500), 1000, MONTH, 5000);
    assertThat(overCap.granted()).isFalse();
    assertThat(overCap.refusal()).contains("job budget cap $0.0010").contains("in flight $0.0006");
    store.insert(job("b", ""));
    JobStore.Hold overMonth = store.hold("b", "three", line(4500), 0, MONTH, 5000);
    assertThat(overMonth.refusal()).contains("monthly limit $0.0050");
  }

  @Test
  void concurrentHoldsNeverTakeTheLastDollarTwice() throws Exception {
    int jobs = 8;
    for (int i = 0; i < jobs; i++) {
      store.insert(job("j" + i, ""));
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JobStore.Hold>> holds = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      String id = "j" + i;
      holds.add(pool.submit(() -> {
        go.await();
        return store.hold(id, "last dollar", line(1_000_000), 0, MONTH, 3_000_000);
      }));
    }
    go.countDown();
    int granted = 0;
    for (Future<JobStore.Hold> hold : holds) {
      granted += hold.get().granted() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(granted).isEqualTo(3);
    assertThat(store.budget(MONTH, 3_000_000).getReservedMicros()).isEqualTo(3_000_000);
  }

  @Test
  void settlingChargesTheJobAndTheMonthAndRecordsTheStepTogether() {
    store.insert(job("a", ""));
    JobStore.Hold hold = store.hold("a", "video", line(700), 0, MONTH, 5000);
    store.settle(hold.callId(), List.of(line(700).toBuilder().setActualMicros(650).build()),
        "clip-0-id", new byte[] {9});
    assertThat(store.step("a", "clip-0-id")).containsExactly(9);
    assertThat(store.bill("a")).extracting(CostLine::getActualMicros).containsExactly(650L);
    Budget budget = store.budget(MONTH, 5000);
    assertThat(budget.getSpentMicros()).isEqualTo(650);
    assertThat(budget.getReservedMicros()).isZero();
    assertThat(budget.getRemainingMicros()).isEqualTo(4350);
    JobStore.Hold failed = store.hold("a", "video", line(700), 0, MONTH, 5000);
    store.release(failed.callId());
    assertThat(store.budget(MONTH, 5000).getSpentMicros()).isEqualTo(650);
  }

  @Test
  void aHoldLeftByADeadRunIsChargedAtItsEstimateAsUnreconciled() {
    store.insert(job("a", ""));
    store.hold("a", "video", line(700), 0, MONTH, 5000);
    List<CostLine> lost = store.unreconcile("a");
    assertThat(lost).singleElement().satisfies(l -> {
      assertThat(l.getUnreconciled()).isTrue();
      assertThat(l.getActualMicros()).isEqualTo(700);
    });
    Budget budget = store.budget(MONTH, 5000);
    assertThat(budget.getSpentMicros()).isEqualTo(700);
    assertThat(budget.getUnreconciledMicros()).isEqualTo(700);
    assertThat(budget.getUnreconciledCalls()).isEqualTo(1);
    assertThat(store.unreconcile("a")).isEmpty();
  }

  @Test
  void theLedgerIsTheSumOfTheJobsCharges() {
    store.insert(job("a", ""));
    store.insert(job("b", ""));
    store.charge("a", MONTH, List.of(line(0).toBuilder().setActualMicros(11).build()));
    store.settle(store.hold("b", "x", line(30), 0, MONTH, 5000).callId(),
        List.of(line(30).toBuilder().setActualMicros(29).build()), null, null);
    store.hold("b", "y", line(5), 0, MONTH, 5000);
    store.unreconcile("b");
    long bills = store.bill("a").stream().mapToLong(CostLine::getActualMicros).sum()
        + store.bill("b").stream().mapToLong(CostLine::getActualMicros).sum();
    assertThat(store.budget(MONTH, 5000).getSpentMicros()).isEqualTo(bills).isEqualTo(45);
  }

  @Test
  void deletingAJobForgetsItsEventsAndStepsButNeverItsMoney() {
    store.insert(job("a", ""));
    store.insert(job("b", ""));
    store.appendEvent(JobEvent.newBuilder().setJobId("a").setSequence(1).build());
    store.putStep("a", "plan", new byte[] {1});
    store.putStep("b", "plan", new byte[] {2});
    store.charge("a", MONTH, List.of(line(0).toBuilder().setActualMicros(11).build()));
    store.settle(store.hold("a", "x", line(30), 0, MONTH, 5000).callId(),
        List.of(line(30).toBuilder().setActualMicros(29).build()), "clip", new byte[] {3});

    assertThat(store.delete("a")).isTrue();
    assertThat(store.load("a")).isEmpty();
    assertThat(store.events("a", 0, 10)).isEmpty();
    assertThat(store.step("a", "plan")).isNull();
    assertThat(store.step("a", "clip")).isNull();
    assertThat(store.loadAll()).extracting(Job::getJobId).containsExactly("b");
    assertThat(store.step("b", "plan")).containsExactly(2);
    // The charges stay, under the job's id: the month still counts them.
    assertThat(store.bill("a")).extracting(CostLine::getActualMicros).containsExactly(11L, 29L);
    assertThat(store.budget(MONTH, 5000).getSpentMicros()).isEqualTo(40);
    assertThat(store.delete("a")).isFalse();
  }

  @Test
  void aLeaseIsHeldByOneOwnerUntilItRunsOut() throws Exception {
    store.insert(job("a", ""));
    assertThat(store.orphans()).containsExactly("a");
    assertThat(store.lease("a", "one", Duration.ofMillis(300))).isTrue();
    assertThat(store.lease("a", "two", Duration.ofSeconds(5))).isFalse();
    assertThat(store.orphans()).isEmpty();
    assertThat(store.lease("a", "one", Duration.ofMillis(300))).isTrue(); // a heartbeat
    Thread.sleep(400);
    assertThat(store.orphans()).containsExactly("a");
    assertThat(store.lease("a", "two", Duration.ofSeconds(5))).isTrue();
    store.unlease("a", "one"); // not its lease any more: nothing happens
    assertThat(store.lease("a", "one", Duration.ofSeconds(5))).isFalse();
  }

  @Test
  void aHoldIsJournaledOnlyWhileItsRunStillHoldsTheJobsLease() throws Exception {
    store.insert(job("a", ""));
    assertThat(store.lease("a", "one", Duration.ofMillis(50))).isTrue();
    assertThat(store.hold("a", "image", line(300), 0, MONTH, 5000, "one").granted()).isTrue();
    Thread.sleep(100);
    assertThat(store.lease("a", "two", Duration.ofSeconds(5))).isTrue();
    // "one" has not noticed the takeover yet: its next paid call is never journaled (so never
    // made), and the new owner's resume sees only the hold from before.
    assertThatThrownBy(() -> store.hold("a", "video", line(700), 0, MONTH, 5000, "one"))
        .isInstanceOf(LeaseLost.class).hasMessageContaining("run by two now, not one");
    assertThat(store.budget(MONTH, 5000).getReservedMicros()).isEqualTo(300);
    assertThat(store.hold("a", "video", line(700), 0, MONTH, 5000, "two").granted()).isTrue();
    assertThat(store.budget(MONTH, 5000).getReservedMicros()).isEqualTo(1000);
  }

  @Test
  void aRunTakenOverWritesNoMoreEventsNorItsSnapshot() throws Exception {
    store.insert(job("a", ""));
    // Before anyone leases it (a queued job's first event), any writer may write.
    store.appendEvent(event("a", 1), "one");
    assertThat(store.lease("a", "one", Duration.ofMillis(50))).isTrue();
    store.appendEvent(event("a", 2), "one");
    Thread.sleep(100);
    assertThat(store.lease("a", "two", Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(() -> store.appendEvent(event("a", 3), "one"))
        .isInstanceOf(LeaseLost.class).hasMessageContaining("run by two now, not one");
    Job failed = job("a", "").toBuilder().setState(JobState.JOB_STATE_FAILED).build();
    assertThatThrownBy(() -> store.saveSnapshot(failed, "one"))
        .isInstanceOf(LeaseLost.class).hasMessageContaining("run by two now, not one");
    assertThat(store.load("a").orElseThrow().getState()).isEqualTo(JobState.JOB_STATE_QUEUED);
    store.appendEvent(event("a", 3), "two");
    store.saveSnapshot(job("a", "").toBuilder().setState(JobState.JOB_STATE_RUNNING).build(),
        "two");
    assertThat(store.events("a", 0, 10)).extracting(JobEvent::getSequence)
        .containsExactly(1L, 2L, 3L);
    assertThat(store.load("a").orElseThrow().getState()).isEqualTo(JobState.JOB_STATE_RUNNING);
  }

  /**
   * The race a late heartbeat opens: the old run keeps appending while the new owner leases the
   * job, reads its events and appends the next one. Whatever the interleaving, the new owner's
   * event never collides with one of the old run's, and the old run writes nothing after it.
   */
  @Test
  void aTakeoverReadsEveryEventTheOldRunWrote() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "race-" + round;
      store.insert(job(id, ""));
      assertThat(store.lease(id, "one", Duration.ofMillis(1))).isTrue();
      ExecutorService oldRun = Executors.newSingleThreadExecutor();
      try {
        Future<Long> written = oldRun.submit(() -> {
          long sequence = 0;
          try {
            while (sequence < 10_000) {
              store.appendEvent(event(id, sequence + 1), "one");
              sequence++;
            }
          } catch (LeaseLost expected) {
            // taken over: stops here
          }
          return sequence;
        });
        Thread.sleep(20 + round * 10);
        while (!store.lease(id, "two", Duration.ofSeconds(5))) {
          Thread.sleep(1);
        }
        long seen = store.events(id, 0, Integer.MAX_VALUE).size();
        store.appendEvent(event(id, seen + 1), "two");
        assertThat(written.get()).as("events the old run wrote").isEqualTo(seen);
        assertThat(store.events(id, 0, Integer.MAX_VALUE)).extracting(JobEvent::getSequence)
            .isEqualTo(java.util.stream.LongStream.rangeClosed(1, seen + 1).boxed().toList());
      } finally {
        oldRun.shutdownNow();
      }
    }
  }

  private static JobEvent event(String jobId, long sequence) {
    return JobEvent.newBuilder().setJobId(jobId).setSequence(sequence).build();
  }

  @Test
  void aSettleCommitsOnlyWhileItsRunStillHoldsTheJobsLease() throws Exception {
    store.insert(job("a", ""));
    assertThat(store.lease("a", "one", Duration.ofMillis(50))).isTrue();
    long paid = store.hold("a", "video", line(700), 0, MONTH, 5000).callId();
    Thread.sleep(100);
    // "one" was presumed dead while its call was in flight; "two" runs the job now.
    assertThat(store.lease("a", "two", Duration.ofSeconds(5))).isTrue();
    CostLine settled = line(700).toBuilder().setActualMicros(650).build();
    assertThatThrownBy(() -> store.settle(paid, List.of(settled), "clip-0-id", new byte[] {1},
        "one")).isInstanceOf(LeaseLost.class).hasMessageContaining("run by two now, not one");
    assertThat(store.bill("a")).isEmpty();
    assertThat(store.step("a", "clip-0-id")).isNull();
    assertThat(store.budget(MONTH, 5000).getReservedMicros()).isEqualTo(700);
    // The new owner's resume charges the lost call at its estimate; its own settles commit.
    assertThat(store.unreconcile("a")).extracting(CostLine::getActualMicros)
        .containsExactly(700L);
    long again = store.hold("a", "video", line(700), 0, MONTH, 5000).callId();
    store.settle(again, List.of(settled), "clip-0-id", new byte[] {2}, "two");
    assertThat(store.step("a", "clip-0-id")).containsExactly(2);
    assertThat(store.budget(MONTH, 5000).getSpentMicros()).isEqualTo(700 + 650);
  }

  @Test
  void aCancelAskedElsewhereReachesTheJobsOwnerAndEndsWithTheJob() {
    store.insert(job("a", ""));
    store.insert(job("b", ""));
    assertThat(store.lease("a", "one", Duration.ofSeconds(5))).isTrue();
    assertThat(store.requestCancel("a", "asked on two")).isTrue();
    assertThat(store.cancelRequests("one")).containsExactly(java.util.Map.entry("a",
        "asked on two"));
    assertThat(store.cancelRequests("two")).isEmpty();
    assertThat(store.cancelRequest("b")).isEmpty();
    store.saveSnapshot(job("a", "").toBuilder().setState(JobState.JOB_STATE_CANCELLED).build());
    assertThat(store.cancelRequest("a")).isEmpty();
    assertThat(store.requestCancel("a", "too late")).isFalse();
  }
}
