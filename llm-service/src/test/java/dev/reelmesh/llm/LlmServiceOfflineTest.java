package dev.reelmesh.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.llm.testing.LlmUnderTest;
import dev.reelmesh.v1.*;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The offline engine over in-process gRPC, through the module's real factory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmServiceOfflineTest {
  @TempDir static Path dir;
  private LlmUnderTest service;
  private LlmServiceGrpc.LlmServiceBlockingStub llm;

  @BeforeAll
  void start() {
    service = LlmUnderTest.offline(dir);
    llm = service.llm;
  }

  @AfterAll
  void stop() throws InterruptedException {
    service.close();
  }

  static PlanScriptRequest.Builder kettle() {
    return PlanScriptRequest.newBuilder()
        .setBrief("A 30-second ad for a ceramic pour-over kettle, warm morning light")
        .setDurationSeconds(30).setAspectRatio(AspectRatio.ASPECT_RATIO_9_16)
        .setProductDescription("ceramic pour-over kettle").setCharacterConsistency(true);
  }

  @Test
  void planScriptTilesTheDurationAndNamesTheOfflineEngine() {
    PlanScriptResponse r = llm.planScript(kettle().build());
    ScenePlan plan = r.getPlan();
    assertThat(plan.getClipsList()).isNotEmpty();
    assertThat(plan.getClips(plan.getClipsCount() - 1).getEndSeconds()).isEqualTo(30.0);
    assertThat(plan.getAspectRatio()).isEqualTo(AspectRatio.ASPECT_RATIO_9_16);
    assertThat(plan.getStyle().getPaletteList()).allMatch(h -> h.matches("#[0-9A-Fa-f]{6}"));
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-template");
    assertThat(r.getEngine().getFallback()).isFalse();
    assertThat(r.getCostList()).isEmpty();
    assertThat(llm.planScript(kettle().build()).getPlan()).isEqualTo(plan);
  }

  @Test
  void refineThenClipPromptsThenShotPrompt() {
    ScenePlan plan = llm.planScript(kettle().build()).getPlan();
    RefineScriptResponse refined = llm.refineScript(RefineScriptRequest.newBuilder().setPlan(plan)
        .setInstruction("make clip 2 a close-up").build());
    assertThat(refined.getPlan().getClips(1).getCamera()).isEqualTo("close-up");
    assertThat(refined.getPlan().getClips(0)).isEqualTo(plan.getClips(0));
    assertThat(refined.getChangesList()).hasSize(1);

    GenerateClipPromptsResponse prompts = llm.generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
        .setPlan(refined.getPlan()).addReferences(ReferenceImage.newBuilder()
            .setKind(ReferenceImage.Kind.KIND_SCENE).setTargetId("loc-1").setUrl("https://img.test/kitchen.png"))
        .build());
    ClipPrompts p = prompts.getPrompts();
    assertThat(p.getPromptsCount()).isEqualTo(plan.getClipsCount());
    assertThat(p.getStyleKeywordsCount()).isBetween(5, 10);
    assertThat(p.getPromptsList()).allSatisfy(c -> {
      assertThat(c.getMetadata().getValidated()).isTrue();
      assertThat(c.getMetadata().getStyleKeywordsList()).isEqualTo(p.getStyleKeywordsList());
      assertThat(c.getMetadata().getWordCount()).isLessThan(200);
      assertThat(c.getNegativePrompt()).isEqualTo(p.getNegativePrompt());
      assertThat(c.getPrompt()).doesNotContain("https://");
    });
    assertThat(p.getPrompts(0).getSceneReferenceUrl()).isEqualTo("https://img.test/kitchen.png");
    assertThat(p.getPrompts(0).getMetadata().getReferenceMode()).isEqualTo(ReferenceMode.REFERENCE_MODE_SCENE);
    assertThat(p.getGenerationMs()).isPositive();
    assertThat(prompts.getEngine().getEngine()).isEqualTo("offline-template");

    AssembleShotPromptResponse shot = llm.assembleShotPrompt(AssembleShotPromptRequest.newBuilder()
        .setFragments(ShotFragments.newBuilder().setSubject("a barista in a linen apron")
            .setAction("pours water in a slow spiral").setSetting("a sunlit kitchen counter")
            .setProductUse("tilting the kettle to steady the pour").setCameraMove("dolly in")
            .setLighting("warm morning window light").setMood("calm"))
        .setHasReferenceImage(true).build());
    assertThat(shot.getCameraMove()).isEqualTo("push-in");
    assertThat(shot.getWordCount()).isBetween(20, 45);
    assertThat(shot.getChecksList()).allMatch(ConstraintCheck::getPassed);
    assertThat(shot.getSanitizationNotesList()).contains("camera_move 'dolly in' clamped to 'push-in'");
  }

  @Test
  void enhancePromptRunsTheWriterCriticLoop() {
    EnhancePromptResponse r = llm.enhancePrompt(EnhancePromptRequest.newBuilder()
        .setPrompt("a kettle on a table").setFrameRole("start frame").build());
    assertThat(r.getFinalScore()).isGreaterThanOrEqualTo(85);
    assertThat(r.getStopReason()).isEqualTo("target_reached");
    assertThat(r.getRoundsList()).isNotEmpty().allMatch(x -> x.getRound() >= 1);
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-template");
  }

  @Test
  void badPlanRequestsAreInvalidArgumentNamingTheField() {
    expectInvalid("brief", () -> llm.planScript(kettle().setBrief("   ").build()));
    expectInvalid("brief", () -> llm.planScript(kettle().setBrief("x".repeat(4001)).build()));
    expectInvalid("duration_seconds", () -> llm.planScript(kettle().setDurationSeconds(0).build()));
    expectInvalid("duration_seconds", () -> llm.planScript(kettle().setDurationSeconds(-3).build()));
    expectInvalid("duration_seconds", () -> llm.planScript(kettle().setDurationSeconds(600.5).build()));
    expectInvalid("aspect_ratio", () -> llm.planScript(kettle().setAspectRatioValue(42).build()));
    expectInvalid("instruction", () -> llm.refineScript(RefineScriptRequest.newBuilder()
        .setPlan(llm.planScript(kettle().build()).getPlan()).setInstruction(" ").build()));
    expectInvalid("plan", () -> llm.refineScript(RefineScriptRequest.newBuilder().setInstruction("x").build()));
    expectInvalid("prompt", () -> llm.enhancePrompt(EnhancePromptRequest.newBuilder().build()));
    expectInvalid("max_rounds", () -> llm.enhancePrompt(EnhancePromptRequest.newBuilder().setPrompt("x").setMaxRounds(9).build()));
  }

  @Test
  void badClipPromptRequestsAreInvalidArgumentNamingTheField() {
    ScenePlan plan = llm.planScript(kettle().build()).getPlan();
    expectInvalid("plan.clips", () -> prompts(plan.toBuilder().clearClips().build(), b -> { }));
    PlannedClip c0 = plan.getClips(0);
    expectInvalid("plan.clips[0].end_seconds", () -> prompts(plan.toBuilder()
        .setClips(0, c0.toBuilder().setEndSeconds(c0.getStartSeconds())).build(), b -> { }));
    expectInvalid("plan.clips[1].start_seconds", () -> prompts(plan.toBuilder()
        .setClips(1, plan.getClips(1).toBuilder().setStartSeconds(c0.getEndSeconds() - 1)).build(), b -> { }));
    expectInvalid("references[0].url", () -> prompts(plan, b -> b.addReferences(ReferenceImage.newBuilder()
        .setKind(ReferenceImage.Kind.KIND_PRODUCT).setUrl("ftp://x.test/a.png"))));
    expectInvalid("references[0].kind", () -> prompts(plan, b -> b.addReferences(ReferenceImage.newBuilder()
        .setUrl("https://x.test/a.png"))));
    expectInvalid("fragments.camera_move", () -> llm.assembleShotPrompt(AssembleShotPromptRequest.newBuilder()
        .setFragments(ShotFragments.newBuilder().setSubject("a cat").setCameraMove("banana")).build()));
    expectInvalid("fragments", () -> llm.assembleShotPrompt(AssembleShotPromptRequest.getDefaultInstance()));
  }

  private GenerateClipPromptsResponse prompts(ScenePlan plan, Consumer<GenerateClipPromptsRequest.Builder> more) {
    GenerateClipPromptsRequest.Builder b = GenerateClipPromptsRequest.newBuilder().setPlan(plan);
    more.accept(b);
    return llm.generateClipPrompts(b.build());
  }

  @Test
  void musicAndLyricsAreCheckedFieldByField() {
    PlanScriptRequest.Builder base = kettle().setDurationSeconds(8);
    expectInvalid("music.beat_seconds[2]", () -> llm.planScript(base.clone()
        .setMusic(MusicTiming.newBuilder().addAllBeatSeconds(java.util.List.of(0.0, 2.0, 9.0))).build()));
    expectInvalid("music.beat_seconds[1]", () -> llm.planScript(base.clone()
        .setMusic(MusicTiming.newBuilder().addAllBeatSeconds(java.util.List.of(2.0, 1.0))).build()));
    expectInvalid("music.beat_energy", () -> llm.planScript(base.clone()
        .setMusic(MusicTiming.newBuilder().addBeatSeconds(1).addBeatEnergy(0.5f).addBeatEnergy(0.6f)).build()));
    expectInvalid("music.beat_energy[0]", () -> llm.planScript(base.clone()
        .setMusic(MusicTiming.newBuilder().addBeatSeconds(1).addBeatEnergy(1.5f)).build()));
    expectInvalid("lyrics[0].text", () -> llm.planScript(base.clone()
        .addLyrics(LyricLine.newBuilder().setText("  ")).build()));
    expectInvalid("lyrics[1].end_seconds", () -> llm.planScript(base.clone()
        .addLyrics(LyricLine.newBuilder().setText("ok"))
        .addLyrics(LyricLine.newBuilder().setText("late").setStartSeconds(7).setEndSeconds(9)).build()));
    ScenePlan plan = llm.planScript(base.clone().setMusic(MusicTiming.newBuilder()
        .addAllBeatSeconds(java.util.List.of(0.0, 1.0, 2.0, 3.0, 4.4, 5.0, 6.0, 7.0))
        .addAllBarSeconds(java.util.List.of(0.0, 4.4))).build()).getPlan();
    assertThat(plan.getClips(1).getStartSeconds()).isEqualTo(4.4);
    assertThat(plan.getClips(1).getCut()).isEqualTo("bar");
  }

  static void expectInvalid(String field, Runnable call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).startsWith(field);
    });
  }
}
