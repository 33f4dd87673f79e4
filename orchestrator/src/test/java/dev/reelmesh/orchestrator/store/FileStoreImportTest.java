package dev.reelmesh.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import com.google.protobuf.Timestamp;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory of the old file store is imported once, never silently ignored. */
class FileStoreImportTest {
  @TempDir Path dir;

  private static void writeOldJob(Path state, String id, long micros) throws Exception {
    Path job = Files.createDirectories(state.resolve("jobs").resolve(id));
    long now = java.time.Instant.now().getEpochSecond();
    Files.write(job.resolve("job.pb"), Job.newBuilder().setJobId(id)
        .setState(JobState.JOB_STATE_SUCCEEDED).setCreated(Timestamp.newBuilder()
            .setSeconds(now)).setUpdated(Timestamp.newBuilder().setSeconds(now))
        .setCost(CostReport.newBuilder().addLines(CostLine.newBuilder().setStage("clips")
            .setProvider("openai").setEstimatedMicros(micros).setActualMicros(micros))
            .setActualTotalMicros(micros)).build().toByteArray());
    try (OutputStream out = Files.newOutputStream(job.resolve("events.pb"))) {
      for (int i = 1; i <= 3; i++) {
        JobEvent.newBuilder().setJobId(id).setSequence(i).setMessage("event " + i).build()
            .writeDelimitedTo(out);
      }
    }
    Files.createDirectories(job.resolve("steps"));
    Files.write(job.resolve("steps").resolve("plan"), new byte[] {1, 2});
  }

  @Test
  void jobsEventsStepsAndSpendAreImportedOnceAndTheOldFilesMovedAside() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      mesh.stopPipeline();
      Path state = mesh.settings.stateDir();
      writeOldJob(state, "job-old-1", 300_000);
      writeOldJob(state, "job-old-2", 200_000);
      String month = YearMonth.now(ZoneOffset.UTC).toString();
      // The old ledger counted 100_000 more than the bills show (the bug this store ends).
      Files.write(state.resolve("ledger.pb"), Budget.newBuilder().setMonth(month)
          .setSpentMicros(600_000).build().toByteArray());
      mesh.startPipeline();

      assertThat(mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
          .extracting(Job::getJobId).contains("job-old-1", "job-old-2");
      assertThat(mesh.job("job-old-1").getCost().getActualTotalMicros()).isEqualTo(300_000);
      assertThat(mesh.watchToEnd("job-old-1", 0)).extracting(JobEvent::getMessage)
          .containsExactly("event 1", "event 2", "event 3");
      assertThat(mesh.engine().ledger().budget().getSpentMicros()).isEqualTo(600_000);
      assertThat(state.resolve("jobs")).doesNotExist();
      assertThat(state.resolve("jobs.imported")).isDirectory();
      assertThat(state.resolve("ledger.pb.imported")).isRegularFile();

      mesh.stopPipeline();
      mesh.startPipeline(); // nothing left to import: nothing counted twice
      assertThat(mesh.engine().ledger().budget().getSpentMicros()).isEqualTo(600_000);
    }
  }

  @Test
  void aDamagedOldJobStopsTheStartWithTheReason() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      mesh.stopPipeline();
      Path job = Files.createDirectories(mesh.settings.stateDir().resolve("jobs/job-bad"));
      Files.write(job.resolve("job.pb"), new byte[] {(byte) 0xff, 0x01, 0x02});
      assertThatThrownBy(mesh::startPipeline).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot import the file-store data in "
              + mesh.settings.stateDir()).hasMessageContaining("move it aside");
      Files.delete(job.resolve("job.pb"));
      mesh.startPipeline();
    }
  }
}
