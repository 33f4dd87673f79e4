package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.stage.JobSpend;
import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM service requests are paid calls like media ones: held before they are sent (the service
 * told the held figure as its cap), billed after, and charged at the hold, unreconciled, when
 * their outcome is unknown.
 */
class HeldLlmCallTest {
  @TempDir Path dir;

  /** Runs {@code onChat} (with the request's number) as each chat reaches the fake. */
  private static void onChat(FakeOpenAi fake, IntConsumer onChat) {
    fake.crashes = new FakeOpenAi.Crashes() {
      @Override
      public FakeOpenAi.Kill at(String endpoint, int nth) {
        if (endpoint.equals(FakeOpenAi.CHAT)) {
          onChat.accept(nth);
        }
        return FakeOpenAi.Kill.NONE;
      }

      @Override
      public void kill() {}
    };
  }

  private static String submit(TestMesh mesh, JobSpec.Builder spec) {
    return mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(spec.setRequirePlanApproval(true)).build()).getJobId();
  }

  private static Job await(TestMesh mesh, String id, JobState state) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    Job job = mesh.job(id);
    while (job.getState() != state && System.nanoTime() < deadline) {
      Thread.sleep(20);
      job = mesh.job(id);
    }
    assertThat(job.getState()).isEqualTo(state);
    return job;
  }

  @Test
  void aChatIsHeldBeforeItIsSentAndTheJobCapIsTheServicesCap() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(); TestMesh mesh = TestMesh.start(dir, null, null,
        TestDatabase.fresh(), TestMesh.chatAt(fake.baseUrl()))) {
      List<Long> heldAtRequest = new CopyOnWriteArrayList<>();
      onChat(fake, nth -> heldAtRequest.add(
          mesh.engine().ledger().budget().getReservedMicros()));

      // A cap below the plan's estimate: the service is told it and sends nothing.
      String capped = submit(mesh, TestMesh.quickSpec("a kettle", 4).setBudgetCapMicros(1_234));
      await(mesh, capped, JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(fake.count(FakeOpenAi.CHAT)).isZero();
      assertThat(mesh.engine().get(capped).log().after(0, Integer.MAX_VALUE))
          .anyMatch(e -> e.hasFallback() && e.getFallback().getReason().contains("spend cap"));

      String paid = submit(mesh, TestMesh.quickSpec("a kettle", 4));
      Job job = await(mesh, paid, JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(fake.count(FakeOpenAi.CHAT)).isEqualTo(1);
      assertThat(heldAtRequest).containsExactly(JobSpend.LLM_REQUEST_MICROS);
      List<CostLine> tokens = job.getCost().getLinesList().stream()
          .filter(l -> l.getProvider().equals("openai")).toList();
      assertThat(tokens).extracting(CostLine::getItem)
          .containsExactly("gpt-4o input tokens", "gpt-4o output tokens");
      FakeOpenAi.Bill billed = fake.bills.get(0);
      assertThat(tokens).extracting(CostLine::getQuantity)
          .containsExactly((double) billed.units(), (double) billed.outputTokens());
      Budget month = mesh.engine().ledger().budget();
      assertThat(month.getReservedMicros()).isZero();
      assertThat(month.getUnreconciledCalls()).isZero();
      assertThat(month.getSpentMicros()).isPositive()
          .isEqualTo(tokens.stream().mapToLong(CostLine::getActualMicros).sum());
    }
  }

  @Test
  void aChatCancelledInFlightStaysChargedAtItsHoldUnreconciled() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(); TestMesh mesh = TestMesh.start(dir, null, null,
        TestDatabase.fresh(), TestMesh.chatAt(fake.baseUrl()))) {
      String[] id = new String[1];
      // The fake has billed the chat; the job is cancelled before the answer comes back.
      onChat(fake, nth -> mesh.pipeline().cancelJob(CancelJobRequest.newBuilder()
          .setJobId(id[0]).build()));
      id[0] = submit(mesh, TestMesh.quickSpec("a kettle", 4));
      Job job = await(mesh, id[0], JobState.JOB_STATE_CANCELLED);

      // The hook runs on the fake's thread just BEFORE it records the bill, and the cancel it
      // makes can end the job first: wait (bounded) for the fake's own record of it.
      long billed = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (fake.bills.isEmpty() && System.nanoTime() < billed) {
        Thread.sleep(5);
      }
      assertThat(fake.bills).hasSize(1);
      assertThat(job.getCost().getLinesList()).singleElement().satisfies(line -> {
        assertThat(line.getUnreconciled()).isTrue();
        assertThat(line.getProvider()).isEqualTo("llm");
        assertThat(line.getActualMicros()).isEqualTo(JobSpend.LLM_REQUEST_MICROS);
      });
      Budget month = mesh.engine().ledger().budget();
      assertThat(month.getReservedMicros()).isZero();
      assertThat(month.getUnreconciledCalls()).isEqualTo(1);
      assertThat(month.getSpentMicros()).isEqualTo(JobSpend.LLM_REQUEST_MICROS);
    }
  }
}
