package dev.reelmesh.orchestrator.store;

import static dev.reelmesh.orchestrator.store.PgCreditsTest.MONTH;
import static dev.reelmesh.orchestrator.store.PgCreditsTest.NO_LIMIT;
import static dev.reelmesh.orchestrator.store.PgCreditsTest.job;
import static dev.reelmesh.orchestrator.store.PgCreditsTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CreditAccount;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whose the journal's rows are (V6): a job's calls and charges stay its tenant's after the job
 * is deleted, and a chat session's turns are its tenant's, in credits and in the tenant's month.
 */
class JournalTenantTest {
  private final Database database = Database.shared(TestDatabase.fresh());
  private final JobStore store = new PgStore(database.dataSource(), false);

  @AfterEach
  void close() {
    database.close();
  }

  private static CostLine actual(long estimate, long actual) {
    return line(estimate).toBuilder().setActualMicros(actual).build();
  }

  @Test
  void aDeletedJobsSpendStaysOnItsTenant() {
    store.insert(job("a", "alice", ""));
    store.grant("alice", 1_000, "root", "trial");
    JobStore.Hold hold = store.hold("a", "fake video", line(700), 0, MONTH, NO_LIMIT);
    store.settle(hold.callId(), List.of(actual(700, 600)), null, null);
    store.charge("a", MONTH, List.of(actual(50, 50))); // a line without a journaled call
    assertThat(store.credits("alice", 0).getAvailableMicros()).isEqualTo(350);

    assertThat(store.delete("a")).isTrue();
    CreditAccount after = store.credits("alice", 10);
    assertThat(after.getSpentMicros()).isEqualTo(650);
    assertThat(after.getAvailableMicros()).isEqualTo(350);
    assertThat(store.budget("alice", MONTH, NO_LIMIT).getSpentMicros()).isEqualTo(650);
    assertThat(store.budget(MONTH, NO_LIMIT).getSpentMicros()).isEqualTo(650);
  }

  @Test
  void aChatTurnIsItsSessionsTenantsInCreditsAndInItsMonth() {
    String session = new PgChat(database.dataSource()).create("bob");
    store.grant("bob", 100_000, "root", "trial");
    JobStore.Hold refused = store.holdChat(session, "chat turn", line(200_000), 0, MONTH,
        NO_LIMIT);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.refusal()).startsWith("credits: tenant 'bob' has $0.1000 of credits left");
    JobStore.Hold held = store.holdChat(session, "chat turn", line(84_000), 0, MONTH, NO_LIMIT);
    assertThat(store.credits("bob", 0).getHeldMicros()).isEqualTo(84_000);
    assertThat(store.budget("bob", MONTH, NO_LIMIT).getReservedMicros()).isEqualTo(84_000);
    store.settle(held.callId(), List.of(actual(84_000, 950)), null, null);
    assertThat(store.credits("bob", 0).getAvailableMicros()).isEqualTo(100_000 - 950);
    assertThat(store.budget("bob", MONTH, NO_LIMIT).getSpentMicros()).isEqualTo(950);
    assertThat(store.budget("alice", MONTH, NO_LIMIT).getSpentMicros()).isZero();
  }
}
