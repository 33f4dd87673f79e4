package dev.reelmesh.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.CreditEntry;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credits per tenant on the journal: granted, held with the call, settled from actuals. */
class PgCreditsTest {
  static final YearMonth MONTH = YearMonth.of(2026, 12);
  static final long NO_LIMIT = 1_000_000_000L;
  private final List<Database> open = new ArrayList<>();

  private JobStore store(boolean required) {
    Database database = Database.shared(TestDatabase.fresh());
    open.add(database);
    return new PgStore(database.dataSource(), required);
  }

  @AfterEach
  void close() {
    open.forEach(Database::close);
  }

  static Job job(String id, String tenant, String key) {
    return Job.newBuilder().setJobId(id).setTenant(tenant).setIdempotencyKey(key)
        .setState(JobState.JOB_STATE_QUEUED).build();
  }

  static CostLine line(long estimate) {
    return CostLine.newBuilder().setStage("clips").setProvider("fake").setItem("video")
        .setEstimatedMicros(estimate).build();
  }

  @Test
  void anIdempotencyKeyNamesOneJobPerTenant() {
    JobStore store = store(false);
    assertThat(store.insert(job("a", "alice", "k"))).isEmpty();
    assertThat(store.insert(job("m", "mallory", "k"))).isEmpty();
    assertThat(store.insert(job("a2", "alice", "k"))).contains("a");
    assertThat(store.insert(job("m2", "mallory", "k"))).contains("m");
  }

  @Test
  void aGrantOpensTheAccountAndHoldsSettlesAndReleasesMoveWhatIsAvailable() {
    JobStore store = store(false);
    store.insert(job("a", "alice", ""));
    assertThat(store.credits("alice", 0).getOpen()).isFalse();
    CreditAccount granted = store.grant("alice", 1_000, "root-user", "trial");
    assertThat(granted.getOpen()).isTrue();
    assertThat(granted.getAvailableMicros()).isEqualTo(1_000);

    JobStore.Hold hold = store.hold("a", "fake video ×4", line(700), 0, MONTH, NO_LIMIT);
    assertThat(hold.granted()).isTrue();
    assertThat(store.credits("alice", 0)).satisfies(a -> {
      assertThat(a.getHeldMicros()).isEqualTo(700);
      assertThat(a.getAvailableMicros()).isEqualTo(300);
    });
    JobStore.Hold tooMuch = store.hold("a", "fake video ×2", line(400), 0, MONTH, NO_LIMIT);
    assertThat(tooMuch.granted()).isFalse();
    assertThat(tooMuch.refusal()).startsWith("credits: tenant 'alice' has $0.0003 of credits left")
        .contains("$0.0010 granted").contains("$0.0007 in flight")
        .contains("this call (fake video ×2) is estimated at $0.0004")
        .contains("reelmesh credits grant alice");

    // Settled from the actual figure, not the estimate.
    store.settle(hold.callId(), List.of(line(700).toBuilder().setActualMicros(650).build()),
        null, null);
    assertThat(store.credits("alice", 0)).satisfies(a -> {
      assertThat(a.getSpentMicros()).isEqualTo(650);
      assertThat(a.getHeldMicros()).isZero();
      assertThat(a.getAvailableMicros()).isEqualTo(350);
    });
    // A failed call releases its hold: nothing spent.
    JobStore.Hold failed = store.hold("a", "fake video ×1", line(300), 0, MONTH, NO_LIMIT);
    assertThat(store.credits("alice", 0).getAvailableMicros()).isEqualTo(50);
    store.release(failed.callId());
    assertThat(store.credits("alice", 0).getAvailableMicros()).isEqualTo(350);
    // A call lost with its run is charged at its estimate.
    store.hold("a", "fake video ×1", line(100), 0, MONTH, NO_LIMIT);
    store.unreconcile("a");
    assertThat(store.credits("alice", 0).getSpentMicros()).isEqualTo(750);

    List<CreditEntry> history = store.credits("alice", 10).getHistoryList();
    assertThat(history).extracting(CreditEntry::getKind)
        .containsExactlyInAnyOrder("grant", "charge", "released", "unreconciled");
    assertThat(history).filteredOn(e -> e.getKind().equals("grant")).singleElement()
        .satisfies(e -> {
          assertThat(e.getAmountMicros()).isEqualTo(1_000);
          assertThat(e.getBy()).isEqualTo("root-user");
          assertThat(e.getNote()).isEqualTo("trial");
        });
    assertThat(history).filteredOn(e -> e.getKind().equals("charge")).singleElement()
        .satisfies(e -> {
          assertThat(e.getAmountMicros()).isEqualTo(650);
          assertThat(e.getJobId()).isEqualTo("a");
          assertThat(e.getNote()).isEqualTo("clips: fake video");
        });
    assertThat(store.credits("alice", 2).getHistoryCount()).isEqualTo(2);
  }

  @Test
  void concurrentHoldsNeverTakeTheLastCreditsTwice() throws Exception {
    JobStore store = store(false);
    int jobs = 8;
    for (int i = 0; i < jobs; i++) {
      store.insert(job("j" + i, "alice", ""));
    }
    store.grant("alice", 3_000_000, "root-user", "");
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JobStore.Hold>> holds = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      String id = "j" + i;
      // Each in its own month, so the months' locks do not serialise them: the account's must.
      YearMonth month = MONTH.plusMonths(i);
      holds.add(pool.submit(() -> {
        go.await();
        return store.hold(id, "last credits", line(1_000_000), 0, month, NO_LIMIT);
      }));
    }
    go.countDown();
    int granted = 0;
    for (Future<JobStore.Hold> hold : holds) {
      JobStore.Hold h = hold.get();
      granted += h.granted() ? 1 : 0;
      if (!h.granted()) {
        assertThat(h.refusal()).startsWith("credits: tenant 'alice' has $0.0000 of credits left");
      }
    }
    pool.shutdown();
    assertThat(granted).isEqualTo(3);
    assertThat(store.credits("alice", 0).getHeldMicros()).isEqualTo(3_000_000);
  }

  @Test
  void oneTenantsCreditsAndBudgetAreItsJobsOnly() {
    JobStore store = store(false);
    store.insert(job("a", "alice", ""));
    store.insert(job("m", "mallory", ""));
    store.grant("alice", 500, "root-user", "");
    JobStore.Hold mallorys = store.hold("m", "fake video", line(5_000), 0, MONTH, 100_000);
    assertThat(mallorys.granted()).as("a tenant without an account is not limited").isTrue();
    store.settle(mallorys.callId(), List.of(line(5_000).toBuilder().setActualMicros(5_000)
        .build()), null, null);
    store.hold("a", "fake video", line(200), 0, MONTH, 100_000);
    assertThat(store.credits("alice", 0).getAvailableMicros()).isEqualTo(300);
    Budget alice = store.budget("alice", MONTH, 100_000);
    assertThat(alice.getTenant()).isEqualTo("alice");
    assertThat(alice.getSpentMicros()).isZero();
    assertThat(alice.getReservedMicros()).isEqualTo(200);
    assertThat(alice.getRemainingMicros()).isEqualTo(300);
    assertThat(alice.getCredits().getGrantedMicros()).isEqualTo(500);
    Budget mallory = store.budget("mallory", MONTH, 100_000);
    assertThat(mallory.getSpentMicros()).isEqualTo(5_000);
    assertThat(mallory.hasCredits()).isFalse();
    assertThat(mallory.getRemainingMicros()).isEqualTo(100_000 - 5_000 - 200);
  }

  @Test
  void withCreditsRequiredATenantWithoutAnAccountMayHoldNothing() {
    JobStore store = store(true);
    store.insert(job("a", "alice", ""));
    JobStore.Hold refused = store.hold("a", "fake video", line(1), 0, MONTH, NO_LIMIT);
    assertThat(refused.refusal()).startsWith("credits: tenant 'alice' has no credit account and"
        + " this mesh requires credits (REELMESH_CREDITS=required)");
    assertThat(store.hold("a", "free engine", line(0), 0, MONTH, NO_LIMIT).granted()).isTrue();
    assertThat(store.headroom("a", 0, MONTH, NO_LIMIT)).isZero();
    store.grant("alice", 10, "root-user", "");
    assertThat(store.hold("a", "fake video", line(10), 0, MONTH, NO_LIMIT).granted()).isTrue();
    assertThat(store.hold("a", "fake video", line(1), 0, MONTH, NO_LIMIT).granted()).isFalse();
  }

  @Test
  void aModeOtherThanOptionalOrRequiredIsRefusedNamingTheVariable() {
    assertThat(PgCredits.requiredFromEnv(null)).isFalse();
    assertThat(PgCredits.requiredFromEnv(" Required ")).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PgCredits.requiredFromEnv("yes"))
        .hasMessageStartingWith("REELMESH_CREDITS must be 'optional'");
  }
}
