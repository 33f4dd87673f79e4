package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent fallback: a plan refinement (ApprovePlan with an instruction) that the job's LLM
 * cannot make, and the offline engine makes instead, is a fallback event with the reason, not
 * just a changed plan.
 */
class PlanRefinementFallbackTest {
  @TempDir Path dir;

  @Test
  void aRefinementTheJobsLlmCannotMakeIsAFallbackEvent() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(); TestMesh mesh = TestMesh.start(dir, null, null,
        TestDatabase.fresh(), TestMesh.chatAt(fake.baseUrl()))) {
      fake.failAlways(FakeOpenAi.CHAT, 400);
      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(
          TestMesh.quickSpec("a kettle on a stove", 4).setRequirePlanApproval(true)
              .setNarrationOff(true)).build()).getJobId();
      JobOptionsTest.awaitState(mesh, id, JobState.JOB_STATE_AWAITING_APPROVAL);
      long gate = mesh.job(id).getLastSequence();
      mesh.pipeline().approvePlan(ApprovePlanRequest.newBuilder().setJobId(id)
          .setRefineInstruction("make clip 1 a close-up").build());
      List<JobEvent> after = mesh.watchToEnd(id, gate);
      assertThat(mesh.job(id).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);

      int refined = indexOf(after, "plan refined");
      assertThat(after.subList(0, refined)).filteredOn(JobEvent::hasFallback).singleElement()
          .satisfies(e -> {
            assertThat(e.getStage()).isEqualTo(Stage.STAGE_PLAN);
            assertThat(e.getFallback().getComponent()).isEqualTo("llm");
            assertThat(e.getFallback().getUsed()).isNotBlank();
            assertThat(e.getFallback().getReason()).isNotBlank();
          });
      assertThat(after.get(refined).getPlanReady().getEngine().getFallback()).isTrue();
    }
  }

  private static int indexOf(List<JobEvent> events, String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).getMessage().startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no '" + prefix + "' event in " + events);
  }
}
