package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watcher that stops reading must not hold the job up, and must still get everything later. */
class SlowWatcherTest {
  @TempDir Path dir;

  @Test
  void aStalledWatcherNeitherStallsTheJobNorLosesEvents() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a bakery at dawn", 8).setNarrationOff(true)).build()).getJobId();
      List<JobEvent> received = new CopyOnWriteArrayList<>();
      ClientCall<WatchJobRequest, JobEvent> slow = mesh.pipelineChannel().newCall(
          PipelineServiceGrpc.getWatchJobMethod(), CallOptions.DEFAULT);
      slow.start(new ClientCall.Listener<>() {
        @Override
        public void onMessage(JobEvent message) {
          received.add(message);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {}
      }, new Metadata());
      slow.request(1); // reads one event, then stops reading
      slow.sendMessage(WatchJobRequest.newBuilder().setJobId(id).build());
      slow.halfClose();

      // The job finishes while the slow watcher sits on one event.
      List<JobEvent> all = mesh.watchToEnd(id, 0);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(received).hasSize(1);

      // Once it reads again it gets every event, in order, and nothing else.
      slow.request(Integer.MAX_VALUE);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (received.size() < all.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(received).isEqualTo(all);
    }
  }
}
