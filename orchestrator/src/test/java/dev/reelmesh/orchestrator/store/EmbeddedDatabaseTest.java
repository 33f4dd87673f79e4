package dev.reelmesh.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero configuration: the embedded PostgreSQL keeps its cluster under the data directory. */
class EmbeddedDatabaseTest {
  @TempDir Path state;

  @Test
  void theClusterIsCreatedOnceAndKeptAcrossStarts() {
    try (Database first = Database.open(null, state)) {
      assertThat(first.where()).contains(state.resolve("postgres").toString());
      first.store().insert(Job.newBuilder().setJobId("job-kept")
          .setState(JobState.JOB_STATE_SUCCEEDED).build());
    }
    assertThat(state.resolve("postgres").resolve("PG_VERSION")).isRegularFile();
    try (Database second = Database.open("", state)) {
      assertThat(second.store().load("job-kept")).isPresent();
    }
  }
}
