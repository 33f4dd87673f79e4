package dev.reelmesh.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRuntimeTest {
  @TempDir Path dir;

  @Test
  void progressIsRestoredFromTheEventLogWhileTheSnapshotIsWrittenOnlyOnChanges() {
    JobStore store = new JobStore(dir);
    Job created = Job.newBuilder().setJobId("job-1").setState(JobState.JOB_STATE_QUEUED)
        .setStage(Stage.STAGE_PLAN).build();
    store.saveSnapshot(created);
    JobRuntime job = new JobRuntime(store, created, List.of());
    job.state(JobState.JOB_STATE_RUNNING, "running");
    Job afterStateChange = store.loadAll().get(0);
    job.event(Stage.STAGE_STORYBOARD, 20, "frames");
    job.event(Stage.STAGE_CLIPS, 55, "clip 1 ready");

    // Progress events did not rewrite the snapshot...
    Job onDisk = store.loadAll().get(0);
    assertThat(onDisk).isEqualTo(afterStateChange);
    assertThat(onDisk.getState()).isEqualTo(JobState.JOB_STATE_RUNNING);
    assertThat(onDisk.getPercent()).isLessThan(55);

    // ...and a restart still sees them, from the log.
    JobRuntime restored = new JobRuntime(store, onDisk, store.loadEvents("job-1"));
    Job snapshot = restored.snapshot();
    assertThat(snapshot.getStage()).isEqualTo(Stage.STAGE_CLIPS);
    assertThat(snapshot.getPercent()).isEqualTo(55);
    assertThat(snapshot.getLastSequence()).isEqualTo(job.snapshot().getLastSequence());
    assertThat(snapshot.getUpdated()).isEqualTo(job.snapshot().getUpdated());

    // A change to the job itself is written at once.
    job.addCost(List.of(dev.reelmesh.v1.CostLine.newBuilder().setStage("clips")
        .setActualMicros(7).build()));
    assertThat(store.loadAll().get(0).getCost().getActualTotalMicros()).isEqualTo(7);
  }
}
