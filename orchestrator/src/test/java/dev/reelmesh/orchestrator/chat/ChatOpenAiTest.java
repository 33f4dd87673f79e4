package dev.reelmesh.orchestrator.chat;

import static dev.reelmesh.orchestrator.chat.ChatJobTest.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatServerMessage.KindCase;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chat agent on OpenAI tool calling (the llm-service's ChatTurn against its fake OpenAI
 * server): the orchestrator runs the calls the model makes and hands back their results, a paid
 * call waits for the user, the turns are billed to the month, and a malformed call falls back
 * to the offline parser with a notice.
 */
class ChatOpenAiTest extends FakeLlmChat {
  /**
   * OpenAI media is configured (priced, so a budget can refuse it) but never reached: the base
   * URL is the chat fake, and every paid job here is refused before it spends.
   */
  @Override
  TestMesh mesh(Path dir, FakeOpenAiServer fake) {
    return TestMesh.startWithLlm(dir, LlmConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-test",
        "OPENAI_BASE_URL", fake.baseUrl())).withBackoff(Duration.ofMillis(5),
        Duration.ofMillis(20)), TestRegistries.openAi("sk-test", fake.baseUrl()));
  }

  @Test
  void theModelsToolCallsRunAndTheirResultsGoBackToIt() throws Exception {
    long spent = mesh.engine().ledger().budget().getSpentMicros();
    fake.thenToolCalls("Let me price it.", List.of(List.of("call_1", "estimate",
        "{\"brief\":\"a 10-second video of a kettle at dawn\",\"duration_seconds\":10}")))
        .thenChat("That is $0.0000 and fits the budget.", 300, 20);
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> turn = chat.say("how much for a 10-second kettle video?");
      assertThat(kinds(turn)).containsExactly(KindCase.USER, KindCase.ANSWER,
          KindCase.TOOL_CALL, KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(turn.get(1).getAnswer().getText()).isEqualTo("Let me price it.");
      assertThat(turn.get(1).getAwaitingUser()).isFalse();
      assertThat(turn.get(2).getToolCall().getCallId()).isEqualTo("call_1");
      assertThat(turn.get(3).getToolResult().getOk()).isTrue();
      assertThat(JSON.readTree(turn.get(3).getToolResult().getResultJson()).path("clips")
          .asInt()).isPositive();
      ChatServerMessage last = turn.get(4);
      assertThat(last.getAnswer().getText()).isEqualTo("That is $0.0000 and fits the budget.");
      assertThat(last.getAnswer().getEngine().getEngine()).isEqualTo("openai");
      // Each answer carries the calls since the one before, priced from the usage the fake
      // reported (gpt-4o list price); the month is charged for both.
      assertThat(turn.get(1).getAnswer().getCostList()).extracting(CostLine::getActualMicros)
          .containsExactly(1_000L, 400L);
      assertThat(last.getAnswer().getCostList()).extracting(CostLine::getActualMicros)
          .containsExactly(750L, 200L);
      assertThat(mesh.engine().ledger().budget().getSpentMicros() - spent).isEqualTo(2_350L);
      assertThat(fake.requestCount()).isEqualTo(2);
      JsonNode messages = request(1).path("messages");
      JsonNode tool = messages.get(messages.size() - 1);
      assertThat(tool.path("role").asText()).isEqualTo("tool");
      assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_1");
      assertThat(tool.path("content").asText()).contains("\"estimated_usd\"");
      assertThat(request(0).path("tools")).hasSize(7);

      // A paid call the model makes waits for the user; declined, the model hears CANCELLED.
      fake.thenToolCalls("", List.of(List.of("call_2", "submit",
          "{\"brief\":\"a 10-second video of a kettle at dawn\"}")))
          .thenChat("Fine, nothing was rendered.", 300, 20);
      List<ChatServerMessage> asked = chat.say("render it");
      assertThat(kinds(asked)).containsExactly(KindCase.USER, KindCase.TOOL_CALL);
      assertThat(asked.get(1).getToolCall().getNeedsConfirmation()).isTrue();
      assertThat(fake.requestCount()).isEqualTo(3);
      List<ChatServerMessage> declined = chat.confirm("call_2", false);
      assertThat(kinds(declined)).containsExactly(KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(request(3).toString()).contains("call_2").contains("CANCELLED");
      assertThat(mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsCount())
          .isZero();
    }
  }

  @Test
  void aBudgetRefusalIsTheCallsResultAndTheModelSaysIt() throws Exception {
    // Ten cents: room for the chat's own LLM calls, far too little for openai storyboard images.
    mesh.restartWithMonthlyLimit(100_000);
    fake.thenToolCalls("", List.of(List.of("call_p", "submit", "{\"brief\":\"a 4-second video"
        + " of a kettle at dawn\",\"duration_seconds\":4,\"image_provider\":\"openai\"}")))
        .thenChat("That would cross this month's budget, so nothing was rendered.", 300, 20);
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> asked = chat.say("render a kettle at dawn with openai images");
      assertThat(kinds(asked)).containsExactly(KindCase.USER, KindCase.TOOL_CALL);
      var call = asked.get(1).getToolCall();
      assertThat(call.getNeedsConfirmation()).isTrue();
      // Priced before asking: the openai images are on the bill the user says yes to.
      assertThat(call.getEstimate().getEstimatedTotalMicros()).isGreaterThan(100_000L);
      List<ChatServerMessage> refused = chat.confirm("call_p", true);
      assertThat(kinds(refused)).containsExactly(KindCase.TOOL_RESULT, KindCase.ANSWER);
      var result = refused.get(0).getToolResult();
      assertThat(result.getOk()).isFalse();
      assertThat(result.getStatus()).isEqualTo("RESOURCE_EXHAUSTED");
      assertThat(result.getMessage()).isNotBlank();
      assertThat(refused.get(1).getAnswer().getText()).contains("cross this month's budget");
      JsonNode messages = request(1).path("messages");
      assertThat(messages.get(messages.size() - 1).path("content").asText())
          .contains("RESOURCE_EXHAUSTED");
      assertThat(mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsCount())
          .isZero();
    }
  }

  @Test
  void refineReplansAWaitingJobThroughTheLlmUnderTheJobsMoneyRulesAndRendersNothing()
      throws Exception {
    // The plan itself: the fake refuses (400, not retried), the offline planner answers.
    fake.thenStatus(400);
    String jobId = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(TestMesh
        .quickSpec("a kettle pours water at dawn", 6).setRequirePlanApproval(true)).build())
        .getJob().getJobId();
    for (int i = 0; i < 300 && mesh.job(jobId).getState() != JobState.JOB_STATE_AWAITING_APPROVAL;
        i++) {
      Thread.sleep(50);
    }
    assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
    int before = fake.requestCount();
    long billedBefore = bill(jobId);
    fake.thenToolCalls("", List.of(List.of("call_r", "refine", "{\"job_id\":\"" + jobId
        + "\",\"instruction\":\"make clip 1 a close-up\"}")))
        .thenChat("{\"changes\":[{\"clip_index\":0,\"field\":\"camera\",\"value\":"
            + "\"close-up\"}]}", 1_000, 100)
        .thenChat("Clip 1 is a close-up now; say go to render it.", 300, 20);
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> turn = chat.say("make clip 1 a close-up");
      assertThat(kinds(turn)).containsExactly(KindCase.USER, KindCase.TOOL_CALL,
          KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(turn.get(1).getToolCall().getNeedsConfirmation()).isFalse();
      assertThat(turn.get(2).getToolResult().getOk()).as(turn.get(2).getToolResult()
          .getMessage()).isTrue();
      JsonNode result = JSON.readTree(turn.get(2).getToolResult().getResultJson());
      assertThat(result.path("engine").path("name").asText()).isEqualTo("openai");
      assertThat(result.path("engine").path("fallback").asBoolean()).isFalse();
      assertThat(result.path("clips").get(0).path("camera").asText()).isEqualTo("close-up");
      assertThat(result.path("state").asText()).isEqualTo("awaiting_approval");
    }
    // Chat turn, RefineScript, chat turn: three requests, the refinement's on the job's bill
    // (held before the call, settled at the fake's usage × the gpt-4o price), nothing rendered.
    assertThat(fake.requestCount() - before).isEqualTo(3);
    assertThat(bill(jobId) - billedBefore).isEqualTo(1_000 * 25 / 10 + 100 * 10);
    assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
    assertThat(mesh.job(jobId).getCost().getActualTotalMicros()).isEqualTo(bill(jobId));
  }

  private long bill(String jobId) {
    return mesh.engine().ledger().store().bill(jobId).stream()
        .mapToLong(CostLine::getActualMicros).sum();
  }

  @Test
  void aMalformedToolCallFallsBackToTheOfflineParserWithANotice() {
    fake.thenToolCalls("", List.of(List.of("call_x", "drop_tables", "{}")));
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> turn = chat.say("status");
      assertThat(kinds(turn)).containsExactly(KindCase.USER, KindCase.NOTICE, KindCase.ANSWER);
      assertThat(turn.get(1).getNotice().getCode()).isEqualTo("fallback");
      assertThat(turn.get(1).getNotice().getMessage()).contains("offline intent parser")
          .contains("'drop_tables'");
      assertThat(turn.get(2).getAnswer().getEngine().getEngine()).isEqualTo("offline-intents");
      assertThat(turn.get(2).getAnswer().getEngine().getFallback()).isTrue();
      assertThat(turn.get(2).getAnswer().getText()).contains("no job");
    }
  }
}
