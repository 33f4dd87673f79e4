package dev.reelmesh.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.llm.testing.LlmUnderTest;
import dev.reelmesh.v1.*;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real openai-java client against a fake OpenAI-compatible server on loopback. */
class LlmServiceOpenAiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private FakeOpenAiServer fake;
  private LlmUnderTest service;
  private LlmServiceGrpc.LlmServiceBlockingStub llm;
  private ScenePlan offlinePlan;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAiServer.start();
    service = LlmUnderTest.openAi(fake, dir, Duration.ofMillis(800));
    llm = service.llm;
    try (LlmUnderTest offline = LlmUnderTest.offline(dir)) {
      offlinePlan = offline.llm.planScript(PlanScriptRequest.newBuilder()
          .setBrief("A detective in a cyberpunk chase through neon streets").setDurationSeconds(12).build()).getPlan();
    }
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
  }

  private String llmPrompts(int n) throws Exception {
    List<Map<String, Object>> prompts = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) { // out of order on purpose: the engine orders by clip_index
      prompts.add(Map.of("clip_index", i, "prompt", "LLM prompt " + i + " rain-soaked neon alley, "
          + offlinePlan.getCharacters(0).getDescription() + ", " + String.join(", ",
          List.of("noir", "tense"))));
    }
    return JSON.writeValueAsString(Map.of("prompts", prompts));
  }

  private GenerateClipPromptsResponse clipPrompts() {
    return llm.generateClipPrompts(GenerateClipPromptsRequest.newBuilder().setPlan(offlinePlan).build());
  }

  @Test
  void oneBatchRequestForAllClipsWithUsagePriced() throws Exception {
    fake.thenChat(llmPrompts(offlinePlan.getClipsCount()), 1_000, 500);
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(fake.requestCount()).isEqualTo(1);
    String request = fake.requests().get(0);
    assertThat(request).startsWith("POST /v1/chat/completions").contains("\"json_schema\"").contains("\"gpt-4o\"");
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getEngine().getModel()).isEqualTo("gpt-4o");
    assertThat(r.getEngine().getFallback()).isFalse();
    assertThat(r.getPrompts().getPromptsList()).extracting(ClipPrompt::getPrompt)
        .allMatch(p -> p.startsWith("LLM prompt "));
    assertThat(r.getPrompts().getPrompts(1).getPrompt()).startsWith("LLM prompt 1 ");
    assertThat(r.getPrompts().getPromptsList()).allMatch(p -> p.getMetadata().getValidated());
    assertThat(r.getCostList()).extracting(CostLine::getActualMicros).containsExactly(2_500L, 5_000L);
    assertThat(r.getCost(0).getQuantity()).isEqualTo(1_000);
    assertThat(r.getCost(0).getStage()).isEqualTo("clip_prompts");
  }

  @Test
  void rateLimitedThenSucceeds() throws Exception {
    fake.thenStatus(429).thenChat(llmPrompts(offlinePlan.getClipsCount()), 10, 10);
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getEngine().getFallback()).isFalse();
  }

  @Test
  void persistentServerErrorFallsBackToTemplatesAndSaysWhy() {
    fake.thenStatus(500);
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-template");
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("HTTP 500").contains("3 attempts").contains("template prompts used");
    assertThat(r.getPrompts().getPromptsList()).allMatch(p -> p.getMetadata().getValidated() && !p.getPrompt().startsWith("LLM"));
  }

  @Test
  void malformedJsonFallsBackAndStillReportsTheSpend() {
    fake.thenChat("{\"prompts\": [ this is not json", 100, 40);
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("not valid JSON");
    assertThat(r.getCostList()).extracting(CostLine::getActualMicros).containsExactly(250L, 400L);
    assertThat(r.getPrompts().getPromptsCount()).isEqualTo(offlinePlan.getClipsCount());
  }

  @Test
  void wrongClipCountIsRefusedAndFallsBack() throws Exception {
    fake.thenChat(llmPrompts(offlinePlan.getClipsCount() - 1), 10, 10);
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("expected " + offlinePlan.getClipsCount() + " clip prompts");
  }

  @Test
  void timeoutsRetryThenFallBack() {
    fake.then(new FakeOpenAiServer.Scripted(200, FakeOpenAiServer.completion("{}", 1, 1), 2_000));
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(r.getEngine().getFallbackReason()).contains("timeout");
  }

  @Test
  void badRequestIsPermanentNoRetryAndFallsBack() {
    fake.thenStatus(400);
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(r.getEngine().getFallbackReason()).contains("HTTP 400").doesNotContain("attempts");
  }

  @Test
  void nonJsonHttpBodyFallsBack() {
    fake.then(FakeOpenAiServer.Scripted.status(200, "<html>proxy error</html>"));
    GenerateClipPromptsResponse r = clipPrompts();
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getPrompts().getPromptsList()).allMatch(p -> p.getMetadata().getValidated());
  }

  @Test
  void templatesOnlyNeverCallsTheLlm() {
    GenerateClipPromptsResponse r = llm.generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
        .setPlan(offlinePlan).setTemplatesOnly(true).build());
    assertThat(fake.requestCount()).isZero();
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-template");
    assertThat(r.getEngine().getFallback()).isFalse();
  }

  @Test
  void planScriptThroughTheLlmKeepsTheTimelineTiming() throws Exception {
    List<Map<String, Object>> clips = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clips.add(Map.of("index", i, "visual_description", "Rider " + i + " weaves through neon traffic",
          "motion", "rain streaks", "camera", "glide", "character_ids", List.of("char-1"),
          "location_id", "loc-1", "narration", "one two three four five six seven eight nine ten eleven twelve thirteen",
          "beat_intensity", 0.5 + i * 0.2));
    }
    String content = JSON.writeValueAsString(Map.of("title", "Neon Run",
        "style", Map.of("visual_style", "cyberpunk", "mood", "tense", "lighting", "neon",
            "cinematography", "tracking shots", "palette", List.of("#00FFFF", "#FF00FF", "#111111")),
        "characters", List.of(Map.of("id", "char-1", "name", "Rider", "description", "courier in a yellow raincoat")),
        "locations", List.of(Map.of("id", "loc-1", "name", "alley", "description", "neon alley")),
        "clips", clips));
    fake.thenChat(content, 800, 600);
    PlanScriptResponse r = llm.planScript(PlanScriptRequest.newBuilder().setBrief("A neon courier chase")
        .setDurationSeconds(12).build());
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getPlan().getTitle()).isEqualTo("Neon Run");
    assertThat(r.getPlan().getClipsList()).extracting(PlannedClip::getEndSeconds).containsExactly(4.0, 8.0, 12.0);
    assertThat(r.getPlan().getClips(0).getNarration().split(" ")).hasSize(10); // 4 s × 2.5 words/s
    assertThat(r.getCostCount()).isEqualTo(2);
  }

  @Test
  void unusablePlanFallsBackToTheOfflinePlanner() {
    fake.thenChat("{\"title\":\"x\",\"clips\":[]}", 10, 10);
    PlanScriptResponse r = llm.planScript(PlanScriptRequest.newBuilder().setBrief("A neon courier chase")
        .setDurationSeconds(12).build());
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("unusable plan").contains("expected 3 clips");
    assertThat(r.getPlan().getClipsCount()).isEqualTo(3);
  }

  @Test
  void enhanceUsesWriterAndCriticCalls() {
    fake.thenChat("{\"score\":40,\"critique\":\"needs light\",\"missing\":[\"lighting\"]}", 50, 20)
        .thenChat("{\"prompt\":\"a kettle in soft window light\"}", 50, 20)
        .thenChat("{\"score\":90,\"critique\":\"good\",\"missing\":[]}", 50, 20);
    EnhancePromptResponse r = llm.enhancePrompt(EnhancePromptRequest.newBuilder().setPrompt("a kettle").build());
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(r.getEnhancedPrompt()).isEqualTo("a kettle in soft window light");
    assertThat(r.getFinalScore()).isEqualTo(90);
    assertThat(r.getStopReason()).isEqualTo("target_reached");
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getCostCount()).isEqualTo(6);
  }

  @Test
  void offlineRefusalAfterLlmFailureSaysBoth() {
    fake.thenStatus(503);
    assertThatThrownBy(() -> llm.refineScript(RefineScriptRequest.newBuilder().setPlan(offlinePlan)
        .setInstruction("make it sing").build())).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("instruction").contains("HTTP 503");
        });
  }

  @Test
  void refineThroughTheLlmAppliesOnlyTheChange() {
    fake.thenChat("{\"changes\":[{\"clip_index\":1,\"field\":\"camera\",\"value\":\"close-up\"}]}", 10, 10);
    RefineScriptResponse r = llm.refineScript(RefineScriptRequest.newBuilder().setPlan(offlinePlan)
        .setInstruction("make clip 2 a close-up").build());
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getPlan().getClips(1).getCamera()).isEqualTo("close-up");
    assertThat(r.getPlan().getClips(0)).isEqualTo(offlinePlan.getClips(0));
  }

  @Test
  void theCallerCanAskForTheOfflineEngineAndNoRequestIsSent() {
    PlanScriptResponse r = llm.planScript(PlanScriptRequest.newBuilder()
        .setBrief("A kettle ad").setDurationSeconds(8)
        .setOptions(LlmCallOptions.newBuilder().setEngine("offline")).build());
    assertThat(fake.requestCount()).isZero();
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-template");
    assertThat(r.getEngine().getFallback()).isFalse();
    GenerateClipPromptsResponse prompts = llm.generateClipPrompts(GenerateClipPromptsRequest
        .newBuilder().setPlan(offlinePlan)
        .setOptions(LlmCallOptions.newBuilder().setEngine("offline")).build());
    assertThat(fake.requestCount()).isZero();
    assertThat(prompts.getEngine().getEngine()).isEqualTo("offline-template");
  }

  @Test
  void aCallWhoseEstimateCrossesTheSpendCapIsNotSentAndTheFallbackSaysWhy() {
    GenerateClipPromptsResponse r = llm.generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
        .setPlan(offlinePlan).setOptions(LlmCallOptions.newBuilder().setMaxSpendMicros(1)).build());
    assertThat(fake.requestCount()).isZero();
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("spend cap").contains("no request was sent");
    assertThat(r.getCostList()).allMatch(c -> c.getActualMicros() == 0);
  }

  @Test
  void badOptionsAreInvalidArgumentAndOpenAiWithoutAKeyIsAFailedPrecondition() throws Exception {
    assertThatThrownBy(() -> llm.planScript(PlanScriptRequest.newBuilder().setBrief("x")
            .setDurationSeconds(8).setOptions(LlmCallOptions.newBuilder().setEngine("gemini"))
            .build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("options.engine");
        });
    assertThatThrownBy(() -> llm.planScript(PlanScriptRequest.newBuilder().setBrief("x")
            .setDurationSeconds(8).setOptions(LlmCallOptions.newBuilder().setMaxSpendMicros(-1))
            .build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
            e.getStatus().getDescription()).startsWith("options.max_spend_micros"));
    try (LlmUnderTest offline = LlmUnderTest.offline(dir)) {
      assertThatThrownBy(() -> offline.llm.planScript(
              PlanScriptRequest.newBuilder().setBrief("x").setDurationSeconds(8)
                  .setOptions(LlmCallOptions.newBuilder().setEngine("openai")).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(e.getStatus().getDescription()).contains("OPENAI_API_KEY");
          });
    }
  }

  @Test
  void anUnknownModelIsPricedAsTheDearestSoTheSpendCapTriggers() throws Exception {
    LlmConfig config = LlmConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", fake.baseUrl(),
        "REELMESH_LLM_MODEL", "llama3.1:8b")).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    try (InProcessService local = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), config))) {
      LlmServiceGrpc.LlmServiceBlockingStub stub = LlmServiceGrpc.newBlockingStub(local.channel());
      // 1,100 output tokens at gpt-4-turbo's $30 per million is $0.033: over a $0.02 cap.
      GenerateClipPromptsResponse capped = stub.generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
          .setPlan(offlinePlan).setOptions(LlmCallOptions.newBuilder().setMaxSpendMicros(20_000)).build());
      assertThat(fake.requestCount()).isZero();
      assertThat(capped.getEngine().getFallbackReason()).contains("spend cap").contains("no request was sent");
      fake.thenChat(llmPrompts(offlinePlan.getClipsCount()), 1_000, 500);
      GenerateClipPromptsResponse paid = stub.generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
          .setPlan(offlinePlan).build());
      assertThat(paid.getEngine().getFallback()).isFalse();
      assertThat(paid.getCostList()).extracting(CostLine::getActualMicros).containsExactly(10_000L, 15_000L);
      assertThat(paid.getCost(0).getItem()).contains("llama3.1:8b").contains("dearest");
    }
  }

  @Test
  void fourWriterCriticRoundsAgainstTheLlmAreAllInTheTrace() throws Exception {
    fake.thenChat("{\"score\":40,\"critique\":\"flat and vague\",\"missing\":[\"lighting\",\"composition\"]}", 50, 20);
    int[] scores = {60, 70, 80, 90};
    for (int round = 1; round <= 4; round++) {
      fake.thenChat(JSON.writeValueAsString(Map.of("prompt", "kettle, rewrite " + round)), 50, 20)
          .thenChat(JSON.writeValueAsString(Map.of("score", scores[round - 1], "critique", "critique " + round,
              "missing", List.of())), 50, 20);
    }
    EnhancePromptResponse r = llm.enhancePrompt(EnhancePromptRequest.newBuilder().setPrompt("a kettle")
        .setFrameRole("start frame").build());
    assertThat(fake.requestCount()).isEqualTo(9); // the original's critique, then 4 × (writer, critic)
    assertThat(r.getRoundsList()).extracting(EnhanceRound::getCriticScore).containsExactly(60, 70, 80, 90);
    assertThat(r.getStopReason()).isEqualTo("target_reached");
    assertThat(r.getEnhancedPrompt()).isEqualTo("kettle, rewrite 4");
    EnhanceTrace trace = r.getTrace();
    assertThat(trace.getOriginalPrompt()).isEqualTo("a kettle");
    assertThat(trace.getOriginalScore()).isEqualTo(40);
    assertThat(trace.getOriginalCritique()).isEqualTo("flat and vague");
    assertThat(trace.getFinalPrompt()).isEqualTo("kettle, rewrite 4");
    assertThat(trace.getFilesList()).extracting(TraceFile::getName).containsExactly("00_original_prompt.txt",
        "00_critic.json", "01_writer_round_1.txt", "02_critic_round_1.json", "03_writer_round_2.txt",
        "04_critic_round_2.json", "05_writer_round_3.txt", "06_critic_round_3.json", "07_writer_round_4.txt",
        "08_critic_round_4.json", "final_prompt.txt", "summary.json");
    assertThat(trace.getFiles(6).getContent()).isEqualTo("kettle, rewrite 3");
    assertThat(JSON.readTree(trace.getFiles(7).getContent()).path("score").asInt()).isEqualTo(80);
    var summary = JSON.readTree(trace.getSummaryJson());
    assertThat(summary.path("engine").asText()).isEqualTo("openai");
    assertThat(summary.path("final_score").asInt()).isEqualTo(90);
    assertThat(summary.path("rounds")).hasSize(4);
    assertThat(summary.path("rounds").get(2).path("critique").asText()).isEqualTo("critique 3");
    assertThat(summary.path("rounds").get(3).path("improved").asBoolean()).isTrue();
    assertThat(trace.getFiles(11).getContent()).isEqualTo(trace.getSummaryJson());
    assertThat(r.getCostCount()).isEqualTo(18);
  }

  @Test
  void theLlmIsToldTheFamilysLengthAndAShortAnswerForSvdFallsBack() throws Exception {
    fake.thenChat(llmPrompts(offlinePlan.getClipsCount()), 100, 50); // about 15 words each
    GenerateClipPromptsResponse r = llm.generateClipPrompts(GenerateClipPromptsRequest.newBuilder()
        .setPlan(offlinePlan).setTargetModel(VideoModelFamily.VIDEO_MODEL_FAMILY_SVD).build());
    assertThat(fake.requests().get(0)).contains("min_words\\\":50").contains("max_words\\\":150")
        .contains("concise and directive");
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("below the 50-word minimum");
    assertThat(r.getPrompts().getPromptsList()).allSatisfy(p -> assertThat(p.getMetadata().getWordCount()).isBetween(50, 150));
  }
}
