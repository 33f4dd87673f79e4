package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.CreditEntry;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetCreditsRequest;
import dev.reelmesh.v1.GrantCreditsRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credits of the mesh's one tenant ("local", no authentication) on paid providers (a fake
 * OpenAI that counts calls): refused at submit with no call made, held and settled from actuals
 * through a job, and a hold refused mid-job as a budget refusal is.
 */
class CreditsTest {
  @TempDir Path dir;
  FakeOpenAi fake;
  TestMesh mesh;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAi.start();
    fake.png = TestMedia.png(96, 64);
    fake.wav = TestMedia.wav(1.0);
    mesh = TestMesh.start(dir, null, OpenAiJobTest.factory(fake));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    fake.close();
  }

  /** Paid storyboard images, free clips and no speech: a quick paid job. */
  static JobSpec.Builder paid() {
    return OpenAiJobTest.spec("openai", "motion", "none");
  }

  long estimate(JobSpec.Builder spec) {
    return mesh.pipeline().estimateCost(EstimateCostRequest.newBuilder().setSpec(spec).build())
        .getEstimate().getEstimatedTotalMicros();
  }

  CreditAccount grant(long micros) {
    return mesh.pipeline().grantCredits(GrantCreditsRequest.newBuilder().setTenant("local")
        .setAmountMicros(micros).setNote("test").build());
  }

  static String usd(long micros) {
    return String.format(Locale.ROOT, "$%.4f", micros / 1e6);
  }

  @Test
  void aJobOverTheTenantsCreditsIsRefusedAtSubmitWithNoPaidCall() {
    long total = estimate(paid());
    assertThat(total).isPositive();
    grant(total - 1);
    try {
      mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(paid()).build());
      throw new AssertionError("submitted, not refused");
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(e.getStatus().getDescription()).startsWith("credits: the job is estimated at "
          + usd(total)).contains("more than the " + usd(total - 1) + " of credits tenant "
          + "'local' has left").contains("storyboard $").contains("reelmesh credits grant local");
    }
    assertThat(fake.total()).isZero();
    assertThat(mesh.pipeline().estimateCost(EstimateCostRequest.newBuilder().setSpec(paid())
        .build()).getWithinBudget()).isFalse();
  }

  @Test
  void aJobsPaidCallsAreHeldAndSettledAgainstTheCreditsFromActuals() {
    long total = estimate(paid());
    grant(total * 3);
    String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(paid()).build())
        .getJobId();
    mesh.watchToEnd(id, 0);
    Job done = mesh.job(id);
    assertThat(done.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(fake.total()).isPositive();
    long actual = done.getCost().getActualTotalMicros();
    assertThat(actual).isPositive();
    CreditAccount credits = mesh.pipeline().getCredits(GetCreditsRequest.newBuilder()
        .setTenant("local").setHistoryLimit(1000).build());
    assertThat(credits.getSpentMicros()).isEqualTo(actual);
    assertThat(credits.getHeldMicros()).isZero();
    assertThat(credits.getAvailableMicros()).isEqualTo(total * 3 - actual);
    assertThat(credits.getHistoryList()).filteredOn(e -> e.getKind().equals("charge"))
        .extracting(CreditEntry::getJobId).containsOnly(id);
    assertThat(credits.getHistoryList().stream().filter(e -> e.getKind().equals("charge"))
        .mapToLong(CreditEntry::getAmountMicros).sum()).isEqualTo(actual);
    // The tenant's budget: what it may still spend is its credits.
    assertThat(mesh.pipeline().getBudget(GetBudgetRequest.newBuilder().setTenant("local")
        .build()).getRemainingMicros()).isEqualTo(total * 3 - actual);
  }

  @Test
  void aHoldShortOfCreditsMidJobStopsTheJobAsABudgetRefusal() throws Exception {
    long total = estimate(paid());
    grant(total);
    // Both jobs fit the credits when they are checked: the first waits at its plan gate while
    // the second spends them all, so the first's first paid call finds none left.
    String first = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(paid().setRequirePlanApproval(true)).build()).getJobId();
    JobOptionsTest.awaitState(mesh, first, JobState.JOB_STATE_AWAITING_APPROVAL);
    String second = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(paid())
        .build()).getJobId();
    mesh.watchToEnd(second, 0);
    assertThat(mesh.job(second).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    int callsBefore = fake.total();
    // Past the approval's own check (which would refuse it up front), as two approvals racing.
    mesh.engine().approve(first, null);
    mesh.watchToEnd(first, 0);
    Job failed = mesh.job(first);
    assertThat(failed.getState()).isEqualTo(JobState.JOB_STATE_FAILED);
    assertThat(failed.getError().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED.value());
    assertThat(failed.getError().getMessage()).contains("credits: tenant 'local' has ");
    assertThat(fake.total()).as("no paid call past the refusal").isEqualTo(callsBefore);
    CreditAccount credits = mesh.pipeline().getCredits(GetCreditsRequest.newBuilder()
        .setTenant("local").build());
    assertThat(credits.getHeldMicros()).isZero();
    assertThat(credits.getAvailableMicros()).isZero();
    assertThat(credits.getSpentMicros()).isEqualTo(total);
  }
}
