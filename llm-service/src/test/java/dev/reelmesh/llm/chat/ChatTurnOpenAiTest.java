package dev.reelmesh.llm.chat;

import static dev.reelmesh.llm.chat.ChatTurns.job;
import static dev.reelmesh.llm.chat.ChatTurns.request;
import static dev.reelmesh.llm.chat.ChatTurns.result;
import static dev.reelmesh.llm.chat.ChatTurns.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.v1.ChatContext;
import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatTurnMessage;
import dev.reelmesh.v1.ChatTurnResponse;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.LlmServiceGrpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChatTurn with OpenAI tool calling, the real openai-java client against a fake server. */
class ChatTurnOpenAiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private FakeOpenAiServer fake;
  private InProcessService service;
  private LlmServiceGrpc.LlmServiceBlockingStub llm;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAiServer.start();
    LlmConfig config = LlmConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL",
        fake.baseUrl())).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    service = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), config));
    llm = LlmServiceGrpc.newBlockingStub(service.channel());
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    fake.close();
  }

  private JsonNode sent(int i) throws Exception {
    String request = fake.requests().get(i);
    return JSON.readTree(request.substring(request.indexOf('\n') + 1));
  }

  @Test
  void toolCallsComeBackInOrderPricedAndTheToolsWereOffered() throws Exception {
    fake.thenToolCalls("Let me price that first.", List.of(
        List.of("call_a", "estimate", "{\"job_id\":\"j1\"}"),
        List.of("call_b", "status", "{\"job_id\":\"j1\"}")));
    ChatTurnResponse r = llm.chatTurn(request(job("j1", "awaiting_approval", 3),
        user("how much, and where is it?")).build());
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getEngine().getFallback()).isFalse();
    assertThat(r.getReply()).isEqualTo("Let me price that first.");
    assertThat(r.getCallsList()).extracting(ChatToolInvocation::getCallId, ChatToolInvocation::getTool)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("call_a", "estimate"),
            org.assertj.core.groups.Tuple.tuple("call_b", "status"));
    assertThat(JSON.readTree(r.getCalls(0).getArgumentsJson()).path("job_id").asText())
        .isEqualTo("j1");
    // gpt-4o: $2.50 / $10 per million tokens; the fake reported 400 in, 40 out.
    assertThat(r.getCostList()).extracting(CostLine::getActualMicros).containsExactly(1_000L, 400L);
    assertThat(r.getCost(0).getStage()).isEqualTo("chat");
    JsonNode body = sent(0);
    assertThat(body.path("tools")).hasSize(7);
    assertThat(body.path("tools").get(0).path("function").path("name").asText()).isEqualTo("plan");
    assertThat(body.path("messages").get(0).path("content").asText())
        .contains("job j1 (awaiting_approval, 3 clips)");
    assertThat(body.path("messages").get(1).path("content").asText())
        .isEqualTo("how much, and where is it?");
  }

  @Test
  void toolResultsTravelWithTheirCallIdsAndTheAnswerIsWords() throws Exception {
    fake.thenChat("It costs $0.00 offline.", 300, 20);
    ChatTurnMessage assistant = ChatTurnMessage.newBuilder().setRole("assistant")
        .addCalls(ChatToolInvocation.newBuilder().setCallId("call_a").setTool("estimate")
            .setArgumentsJson("{\"job_id\":\"j1\"}")).build();
    ChatTurnResponse r = llm.chatTurn(request(job("j1", "awaiting_approval", 3),
        user("how much?"), assistant, result("call_a", "estimate", true, "OK",
            "{\"estimated_usd\":0}")).build());
    assertThat(r.getReply()).isEqualTo("It costs $0.00 offline.");
    assertThat(r.getCallsList()).isEmpty();
    JsonNode messages = sent(0).path("messages");
    assertThat(messages.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_a");
    assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
    assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_a");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("{\"estimated_usd\":0}");
  }

  @Test
  void aMalformedToolCallFallsBackToTheIntentParserAndSaysWhy() throws Exception {
    fake.thenToolCalls("", List.of(List.of("call_x", "delete_everything", "{}")));
    ChatTurnResponse r = llm.chatTurn(request(job("j1", "awaiting_approval", 3),
        user("status")).build());
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-intents");
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("'delete_everything'")
        .contains("not on offer");
    assertThat(r.getCallsList()).extracting(ChatToolInvocation::getTool).containsExactly("status");
    // What the failed call cost is still on the bill.
    assertThat(r.getCostList()).extracting(CostLine::getActualMicros).containsExactly(1_000L, 400L);

    fake.thenToolCalls("", List.of(List.of("call_y", "status", "not json")));
    ChatTurnResponse bad = llm.chatTurn(request(ChatContext.getDefaultInstance(),
        user("status")).build());
    assertThat(bad.getEngine().getFallbackReason()).contains("arguments of 'status'");
    assertThat(fake.requestCount()).isEqualTo(2);
  }
}
