package dev.reelmesh.llm;

import static dev.reelmesh.llm.LlmServiceOfflineTest.expectInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.testing.LlmUnderTest;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.RefineScriptRequest;
import dev.reelmesh.v1.ScenePlan;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** PlanScript's allowed_clip_seconds over in-process gRPC: plans cut to them, bad values named. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanClipLengthsGrpcTest {
  @TempDir static Path dir;
  private LlmUnderTest service;
  private LlmServiceGrpc.LlmServiceBlockingStub llm;

  @BeforeAll
  void start() {
    service = LlmUnderTest.offline(dir);
    llm = service.llm;
  }

  @AfterAll
  void stop() {
    service.close();
  }

  static PlanScriptRequest.Builder request(double seconds, Double... allowed) {
    return PlanScriptRequest.newBuilder().setBrief("a ceramic kettle pouring at dawn")
        .setDurationSeconds(seconds).addAllAllowedClipSeconds(List.of(allowed));
  }

  static List<Double> lengths(ScenePlan plan) {
    return plan.getClipsList().stream()
        .map(c -> Math.round((c.getEndSeconds() - c.getStartSeconds()) * 1000) / 1000.0).toList();
  }

  @Test
  void thirtySecondsOfKlingIsSixFiveSecondClips() {
    ScenePlan plan = llm.planScript(request(30, 10.0, 5.0).build()).getPlan();
    assertThat(lengths(plan)).containsExactly(5.0, 5.0, 5.0, 5.0, 5.0, 5.0);
    assertThat(plan.getClips(plan.getClipsCount() - 1).getEndSeconds()).isEqualTo(30.0);
    assertThat(plan.getAllowedClipSecondsList()).containsExactly(5.0, 10.0);
    assertThat(plan.getClipFit()).isEmpty();
    // Asked for 10 s clips, it takes the 10 s length.
    assertThat(lengths(llm.planScript(request(30, 5.0, 10.0).setPreferredClipSeconds(10).build())
        .getPlan())).containsExactly(10.0, 10.0, 10.0);
  }

  @Test
  void twelveSecondsOfSoraLengthsTileExactly() {
    ScenePlan plan = llm.planScript(request(12, 4.0, 8.0, 12.0).build()).getPlan();
    assertThat(lengths(plan)).containsExactly(4.0, 4.0, 4.0);
    assertThat(lengths(llm.planScript(request(12, 4.0, 8.0, 12.0).setPreferredClipSeconds(12)
        .build()).getPlan())).containsExactly(12.0);
  }

  @Test
  void aDurationNoLengthsMakeIsKeptAndTheTrimIsReported() {
    ScenePlan plan = llm.planScript(request(12, 5.0, 10.0).build()).getPlan();
    assertThat(lengths(plan)).containsExactly(5.0, 7.0);
    assertThat(plan.getClips(1).getEndSeconds()).isEqualTo(12.0);
    assertThat(plan.getClipFit()).isEqualTo("12 s is not a sum of 5, 10 s: the last clip, 7 s, is "
        + "rendered at 10 s and trimmed; 3 s rendered and not used");
  }

  @Test
  void withoutLengthsThePlanIsTheOneItAlwaysWas() {
    ScenePlan plan = llm.planScript(request(12).build()).getPlan();
    assertThat(lengths(plan)).containsExactly(4.0, 4.0, 4.0);
    assertThat(plan.getAllowedClipSecondsList()).isEmpty();
  }

  @Test
  void badLengthsAreInvalidArgumentsNamingTheEntry() {
    expectInvalid("allowed_clip_seconds:", () -> llm.planScript(request(30)
        .addAllAllowedClipSeconds(Collections.nCopies(17, 5.0)).build()));
    expectInvalid("allowed_clip_seconds[0]:", () -> llm.planScript(request(30, 0.5).build()));
    expectInvalid("allowed_clip_seconds[1]:", () -> llm.planScript(request(30, 5.0, 0.0).build()));
    expectInvalid("allowed_clip_seconds[1]:", () -> llm.planScript(request(30, 5.0, 61.0).build()));
    expectInvalid("allowed_clip_seconds[0]:", () -> llm.planScript(request(30, Double.NaN).build()));
    expectInvalid("allowed_clip_seconds[0]:", () -> llm.planScript(request(30, 4.0005).build()));
    expectInvalid("allowed_clip_seconds[2]:", () -> llm.planScript(request(30, 5.0, 10.0, 5.0).build()));
  }

  @Test
  void aPlanCutToLengthsKeepsThemThroughRefineScript() {
    ScenePlan plan = llm.planScript(request(12, 5.0, 10.0).build()).getPlan();
    ScenePlan refined = llm.refineScript(RefineScriptRequest.newBuilder().setPlan(plan)
        .setInstruction("make clip 1 a close-up").build()).getPlan();
    assertThat(refined.getAllowedClipSecondsList()).containsExactly(5.0, 10.0);
    assertThat(refined.getClipFit()).isEqualTo(plan.getClipFit());
    // An inner clip that is no allowed length, a last one longer than the longest, bad lengths.
    ScenePlan.Builder moved = plan.toBuilder();
    moved.setClips(0, moved.getClips(0).toBuilder().setEndSeconds(6))
        .setClips(1, moved.getClips(1).toBuilder().setStartSeconds(6));
    expectInvalid("plan.clips[0].end_seconds:", () -> refine(moved.build()));
    ScenePlan.Builder longLast = plan.toBuilder().clearAllowedClipSeconds().addAllowedClipSeconds(5);
    expectInvalid("plan.clips[1].end_seconds:", () -> refine(longLast.build()));
    expectInvalid("plan.allowed_clip_seconds[0]:", () -> refine(plan.toBuilder()
        .setAllowedClipSeconds(0, 70).build()));
  }

  private void refine(ScenePlan plan) {
    llm.refineScript(RefineScriptRequest.newBuilder().setPlan(plan).setInstruction("warmer light").build());
  }
}
