package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.config.MeshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reelmesh jobs rm} and {@code gc} against a running mesh: what they refuse (with the
 * exit code), and that a deleted job's directory is really gone and the job with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsCleanupTest {
  @TempDir static Path dir;
  static TestCli.Up up;
  static Path jobs;
  static String done;
  static String waiting;

  @BeforeAll
  static void startMeshWithTwoJobs() throws Exception {
    up = TestCli.up(dir);
    jobs = new MeshSettings(up.data(), dir.resolve("models")).artifactRoot().resolve("jobs");
    done = submitted(run("generate", "a 6-second shot of rain on a window", "--duration", "6",
        "--variations", "1", "--tier", "draft", "--no-narration", "--plain", "--out",
        dir.resolve("out").toString()));
    waiting = submitted(run("generate", "a 6-second teaser for a paper lantern", "--duration",
        "6", "--variations", "1", "--tier", "draft", "--no-narration", "--plain", "--review",
        "--out", dir.resolve("out-review").toString()));
  }

  @AfterAll
  static void stopMesh() throws Exception {
    up.close();
  }

  private static TestCli.Run run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--server";
    all[args.length + 1] = up.server();
    return TestCli.run(all);
  }

  private static String submitted(TestCli.Run run) {
    assertThat(run.code()).as(run.err()).isZero();
    return run.err().lines().filter(l -> l.startsWith("job ")).findFirst().orElseThrow()
        .split(" ")[1];
  }

  @Test
  @Order(1)
  void badFlagsAreRefusedBeforeAnyCall() {
    TestCli.Run state = run("jobs", "gc", "--state", "failed,running");
    assertThat(state.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(state.err()).contains("--state must be succeeded, failed or cancelled (only "
        + "ended jobs are collected), got 'running'");
    TestCli.Run age = run("jobs", "gc", "--older-than", "30x");
    assertThat(age.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(age.err()).contains("--older-than must be a number followed by s, m, h, d or w");
    TestCli.Run none = run("jobs", "rm");
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    TestCli.Run noMesh = TestCli.run("jobs", "rm", done, "--server", "127.0.0.1:1");
    assertThat(noMesh.code()).isEqualTo(ExitCodes.UNREACHABLE);
  }

  @Test
  @Order(1)
  void badRequestsAreRefusedWithTheFieldNamed() {
    io.grpc.ManagedChannel channel = dev.reelmesh.common.server.Transports.nettyChannel(
        up.server());
    try {
      var pipeline = dev.reelmesh.v1.PipelineServiceGrpc.newBlockingStub(channel);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.collectGarbage(
          dev.reelmesh.v1.CollectGarbageRequest.newBuilder().setOlderThanSeconds(-1).build()))
          .hasMessage("INVALID_ARGUMENT: older_than_seconds: must be >= 0, got -1");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.collectGarbage(
          dev.reelmesh.v1.CollectGarbageRequest.newBuilder()
              .addStates(dev.reelmesh.v1.JobState.JOB_STATE_FAILED)
              .addStates(dev.reelmesh.v1.JobState.JOB_STATE_RUNNING).build()))
          .hasMessage("INVALID_ARGUMENT: states[1]: only ended jobs are collected (SUCCEEDED, "
              + "FAILED, CANCELLED), got RUNNING");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.deleteJob(
          dev.reelmesh.v1.DeleteJobRequest.getDefaultInstance()))
          .hasMessage("INVALID_ARGUMENT: job_id: must not be empty");
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  @Order(2)
  void aJobNotEndedIsRefusedAndKept() {
    TestCli.Run rm = run("jobs", "rm", waiting);
    assertThat(rm.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(rm.err().strip()).isEqualTo("reelmesh: " + waiting + ": FAILED_PRECONDITION: job "
        + waiting + " is AWAITING_APPROVAL: only an ended job can be deleted; cancel it first");
    assertThat(run("jobs").out()).contains(waiting);
    TestCli.Run unknown = run("jobs", "rm", "job-nosuchjob");
    assertThat(unknown.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(unknown.err()).contains("job-nosuchjob: NOT_FOUND: no job 'job-nosuchjob'");
  }

  @Test
  @Order(3)
  void rmDeletesAFinishedJobsDirectoryAndTheJob() {
    Path files = jobs.resolve(done);
    assertThat(files.resolve("report.md")).isRegularFile();
    TestCli.Run rm = run("jobs", "rm", done);
    assertThat(rm.code()).as(rm.err()).isZero();
    assertThat(rm.out()).startsWith("deleted " + done + " (SUCCEEDED): ")
        .containsPattern("\\d+ files, [0-9.]+ (KiB|MiB)");
    assertThat(files).doesNotExist();
    assertThat(run("jobs").out()).doesNotContain(done).contains(waiting);
    TestCli.Run again = run("jobs", "rm", done);
    assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(again.err()).contains("NOT_FOUND");
  }

  @Test
  @Order(4)
  void gcCollectsEndedJobsPastTheCutOff() throws Exception {
    assertThat(run("cancel", waiting).code()).isZero();
    Files.createDirectories(jobs.resolve(waiting));
    Files.writeString(jobs.resolve(waiting).resolve("plan.json"), "{}");

    TestCli.Run young = run("jobs", "gc");
    assertThat(young.code()).as(young.err()).isZero();
    assertThat(young.out().strip()).as("it ended seconds ago, not 30 days")
        .isEqualTo("nothing to collect");
    TestCli.Run dry = run("jobs", "gc", "--older-than", "0", "--dry-run");
    assertThat(dry.code()).isZero();
    // plan.json ("{}") and the job's tenant marker (".tenant": "local").
    assertThat(dry.out()).contains("would delete " + waiting + " (CANCELLED): 2 files, 7 B");
    assertThat(jobs.resolve(waiting)).isDirectory();
    TestCli.Run succeededOnly = run("jobs", "gc", "--older-than", "0", "--state", "succeeded");
    assertThat(succeededOnly.out().strip()).isEqualTo("nothing to collect");

    TestCli.Run gc = run("jobs", "gc", "--older-than", "0s");
    assertThat(gc.code()).as(gc.err()).isZero();
    assertThat(gc.out()).contains("deleted " + waiting + " (CANCELLED): 2 files, 7 B")
        .contains("freed 7 B in 1 job; their charges stay in the ledger");
    assertThat(jobs.resolve(waiting)).doesNotExist();
    assertThat(run("jobs").out()).startsWith("no jobs yet");
  }
}
