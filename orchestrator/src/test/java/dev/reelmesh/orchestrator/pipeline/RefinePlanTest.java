package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PlanReady;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ApprovePlan with refine_only: the plan of a waiting job is refined (offline here) and the job
 * keeps waiting with nothing rendered; the approval after it renders the refined plan. Bad
 * requests name their field.
 */
class RefinePlanTest {
  @TempDir Path dir;

  @Test
  void refineOnlyReplansAndKeepsTheJobWaitingUntilItIsApproved() throws Exception {
    try (TestMesh mesh = TestMesh.start(dir)) {
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a street food stall at night", 8).setNarrationOff(true)
              .setRequirePlanApproval(true)).build()).getJobId();
      for (int i = 0; i < 300 && mesh.job(id).getState() != JobState.JOB_STATE_AWAITING_APPROVAL;
          i++) {
        Thread.sleep(50);
      }
      long before = mesh.job(id).getLastSequence();
      String camera = firstCamera(events(mesh, id, before)).equals("static") ? "wide shot"
          : "static";
      Job waiting = mesh.pipeline().approvePlan(ApprovePlanRequest.newBuilder().setJobId(id)
          .setRefineInstruction("make clip 1 " + camera).setRefineOnly(true).build());
      assertThat(waiting.getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(waiting.getStage()).isEqualTo(Stage.STAGE_PLAN);
      List<JobEvent> added = events(mesh, id, waiting.getLastSequence()).subList((int) before,
          (int) waiting.getLastSequence());
      assertThat(added).hasSize(1);
      PlanReady refined = added.get(0).getPlanReady();
      assertThat(refined.getPlan().getClips(0).getCamera()).isEqualTo(camera);
      assertThat(refined.getEngine().getFallback()).isFalse();
      Thread.sleep(300); // nothing runs in the background either
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(mesh.job(id).getLastSequence()).isEqualTo(waiting.getLastSequence());

      mesh.pipeline().approvePlan(ApprovePlanRequest.newBuilder().setJobId(id).build());
      mesh.watchToEnd(id, 0);
      Job done = mesh.job(id);
      assertThat(done.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(done.getResult().getPlan()).isEqualTo(refined.getPlan());
      // Once it has run, there is no plan to refine.
      expect(mesh, ApprovePlanRequest.newBuilder().setJobId(id).setRefineInstruction(
          "make clip 1 a close-up").setRefineOnly(true), Status.Code.FAILED_PRECONDITION,
          "job " + id + " is not waiting for plan approval");
    }
  }

  @Test
  void refineOnlyWithoutAnInstructionNamesTheField() {
    try (TestMesh mesh = TestMesh.start(dir)) {
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a kettle at dawn", 4).setRequirePlanApproval(true)).build())
          .getJobId();
      expect(mesh, ApprovePlanRequest.newBuilder().setJobId(id).setRefineInstruction("  ")
          .setRefineOnly(true), Status.Code.INVALID_ARGUMENT, "refine_instruction: required");
    }
  }

  private static void expect(TestMesh mesh, ApprovePlanRequest.Builder request, Status.Code code,
      String start) {
    assertThatThrownBy(() -> mesh.pipeline().approvePlan(request.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).startsWith(start);
        });
  }

  private static String firstCamera(List<JobEvent> events) {
    return events.stream().filter(JobEvent::hasPlanReady).reduce((a, b) -> b).orElseThrow()
        .getPlanReady().getPlan().getClips(0).getCamera();
  }

  /** The job's events up to {@code last} (the stream stays open while the job waits). */
  private static List<JobEvent> events(TestMesh mesh, String id, long last) throws Exception {
    Context.CancellableContext watching = Context.current().withCancellation();
    try {
      return watching.call(() -> {
        List<JobEvent> events = new ArrayList<>();
        Iterator<JobEvent> it = mesh.pipeline().watchJob(WatchJobRequest.newBuilder()
            .setJobId(id).build());
        while (events.size() < last && it.hasNext()) {
          events.add(it.next());
        }
        return events;
      });
    } finally {
      watching.cancel(null);
    }
  }
}
