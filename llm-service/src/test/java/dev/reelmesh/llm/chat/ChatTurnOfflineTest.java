package dev.reelmesh.llm.chat;

import static dev.reelmesh.llm.chat.ChatTurns.job;
import static dev.reelmesh.llm.chat.ChatTurns.request;
import static dev.reelmesh.llm.chat.ChatTurns.result;
import static dev.reelmesh.llm.chat.ChatTurns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.v1.ChatContext;
import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatToolSpec;
import dev.reelmesh.v1.ChatTurnMessage;
import dev.reelmesh.v1.ChatTurnRequest;
import dev.reelmesh.v1.ChatTurnResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChatTurn on the offline engine: the intent parser's calls and its words for results. */
class ChatTurnOfflineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private InProcessService service;
  private LlmServiceGrpc.LlmServiceBlockingStub llm;

  @BeforeEach
  void start() {
    service = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir),
        LlmConfig.fromEnv(Map.of())));
    llm = LlmServiceGrpc.newBlockingStub(service.channel());
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
  }

  private ChatTurnResponse say(ChatContext context, String text) {
    return llm.chatTurn(request(context, user(text)).build());
  }

  private static JsonNode args(ChatToolInvocation call) throws Exception {
    return JSON.readTree(call.getArgumentsJson());
  }

  @Test
  void aBriefWithPlanBecomesAPlanCallWithItsDuration() throws Exception {
    ChatTurnResponse r = say(ChatContext.getDefaultInstance(),
        "Please plan a 12-second video: a ceramic kettle pours water at dawn");
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-intents");
    assertThat(r.getEngine().getFallback()).isFalse();
    assertThat(r.getCostList()).isEmpty();
    assertThat(r.getCallsList()).extracting(ChatToolInvocation::getTool).containsExactly("plan");
    JsonNode args = args(r.getCalls(0));
    assertThat(args.path("brief").asText()).isEqualTo(
        "a 12-second video: a ceramic kettle pours water at dawn");
    assertThat(args.path("duration_seconds").asDouble()).isEqualTo(12.0);
    // The same conversation gives the same call id.
    assertThat(say(ChatContext.getDefaultInstance(),
        "Please plan a 12-second video: a ceramic kettle pours water at dawn").getCalls(0)
        .getCallId()).isEqualTo(r.getCalls(0).getCallId());
  }

  @Test
  void intentsFollowTheJobsState() throws Exception {
    ChatContext planned = job("j1", "awaiting_approval", 3);
    ChatContext done = job("j1", "succeeded", 3);
    assertThat(say(planned, "how much?").getCalls(0).getTool()).isEqualTo("estimate");
    assertThat(args(say(planned, "how much?").getCalls(0)).path("job_id").asText())
        .isEqualTo("j1");
    assertThat(say(planned, "go").getCalls(0).getTool()).isEqualTo("approve");
    assertThat(say(planned, "status").getCalls(0).getTool()).isEqualTo("status");
    ChatToolInvocation refine = say(planned, "make clip 3 a close-up").getCalls(0);
    assertThat(refine.getTool()).isEqualTo("refine");
    assertThat(args(refine).path("instruction").asText()).isEqualTo("make clip 3 a close-up");
    ChatToolInvocation redo = say(done, "make clips 2 to 3 a close-up").getCalls(0);
    assertThat(redo.getTool()).isEqualTo("regenerate");
    assertThat(args(redo).path("clips").toString()).isEqualTo("[2,3]");
    // A running job cannot be changed: words, no call.
    ChatTurnResponse running = say(job("j1", "running", 3), "make clip 2 a close-up");
    assertThat(running.getCallsList()).isEmpty();
    assertThat(running.getReply()).contains("j1 is running");
    // "render it" with a brief remembered but no job: a new job straight through.
    ChatToolInvocation submit = say(ChatContext.newBuilder().setBrief("a video of a kettle")
        .setDurationSeconds(8).build(), "render it").getCalls(0);
    assertThat(submit.getTool()).isEqualTo("submit");
    assertThat(args(submit).path("duration_seconds").asDouble()).isEqualTo(8.0);
    assertThat(say(ChatContext.getDefaultInstance(), "status").getReply())
        .contains("no job");
  }

  @Test
  void anythingElseIsAnsweredWithWhatItCanDo() {
    ChatTurnResponse r = say(ChatContext.getDefaultInstance(), "tell me a joke");
    assertThat(r.getCallsList()).isEmpty();
    assertThat(r.getReply()).contains("plan a video").contains("Tools on offer: plan, refine, "
        + "estimate, submit, approve, regenerate, status.");
  }

  @Test
  void aToolNotOnOfferIsNeverCalled() {
    ChatTurnResponse r = llm.chatTurn(ChatTurnRequest.newBuilder().addHistory(user("status"))
        .setContext(job("j1", "running", 2)).addTools(ChatToolSpec.newBuilder().setName("plan")
            .setParametersSchemaJson("{}")).build());
    assertThat(r.getCallsList()).isEmpty();
    assertThat(r.getReply()).contains("status tool").contains("not on offer");
  }

  @Test
  void resultsAreSaidInWordsRefusalsWithTheirReason() {
    ChatTurnMessage call = ChatTurnMessage.newBuilder().setRole("assistant")
        .addCalls(ChatToolInvocation.newBuilder().setCallId("c1").setTool("plan")
            .setArgumentsJson("{}")).build();
    ChatTurnResponse planned = llm.chatTurn(request(ChatContext.getDefaultInstance(),
        user("plan a video of a kettle at dawn"), call, result("c1", "plan", true, "OK",
            "{\"job_id\":\"j9\",\"clips\":[{\"number\":1,\"seconds\":4,\"camera\":\"glide\","
                + "\"visual\":\"a kettle\"}]}")).build());
    assertThat(planned.getCallsList()).isEmpty();
    assertThat(planned.getReply()).contains("Job j9 is planned: 1 clip,")
        .contains("1. 4.0 s, glide: a kettle");
    // A refinement is the new plan, with the engine that made it, a fallback said as such.
    ChatTurnResponse refined = llm.chatTurn(request(ChatContext.getDefaultInstance(),
        user("make clip 1 static"), call, result("c1", "refine", true, "OK",
            "{\"job_id\":\"j9\",\"state\":\"awaiting_approval\",\"clips\":[{\"number\":1,"
                + "\"seconds\":4,\"camera\":\"static\",\"visual\":\"a kettle\"}],\"engine\":"
                + "{\"name\":\"offline-template\",\"fallback\":true,\"fallback_reason\":"
                + "\"HTTP 503\"}}")).build());
    assertThat(refined.getReply()).contains("Job j9's plan is changed by offline-template (the "
        + "LLM failed: HTTP 503): 1 clip, waiting for your approval.")
        .contains("1. 4.0 s, static: a kettle");
    ChatTurnResponse refused = llm.chatTurn(request(ChatContext.getDefaultInstance(),
        user("render a video of a kettle at dawn"), call, result("c1", "submit", false,
            "RESOURCE_EXHAUSTED", "{\"message\":\"the job's estimate $3.20 crosses its cap\"}"))
        .build());
    assertThat(refused.getReply()).contains("refused by the budget")
        .contains("the job's estimate $3.20 crosses its cap");
    ChatTurnResponse declined = llm.chatTurn(request(ChatContext.getDefaultInstance(),
        user("go"), call, result("c1", "approve", false, "CANCELLED", "{}")).build());
    assertThat(declined.getReply()).contains("did not run approve").contains("nothing was spent");
  }

  @Test
  void badRequestsNameTheirField() {
    assertInvalid(ChatTurnRequest.newBuilder().addTools(ChatToolSpec.newBuilder()
        .setName("plan").setParametersSchemaJson("{}")).build(), "history:");
    assertInvalid(request(ChatContext.getDefaultInstance()).addHistory(ChatTurnMessage
        .newBuilder().setRole("system").setText("x")).build(), "history[0].role:");
    assertInvalid(request(ChatContext.getDefaultInstance(), user("  ")).build(),
        "history[0].text:");
    assertInvalid(ChatTurnRequest.newBuilder().addHistory(user("hi")).addTools(ChatToolSpec
        .newBuilder().setName("Plan!").setParametersSchemaJson("{}")).build(), "tools[0].name:");
    assertInvalid(ChatTurnRequest.newBuilder().addHistory(user("hi")).addTools(ChatToolSpec
        .newBuilder().setName("plan").setParametersSchemaJson("[1]")).build(),
        "tools[0].parameters_schema_json:");
    assertInvalid(request(ChatContext.getDefaultInstance(), user("hi"), ChatTurnMessage
        .newBuilder().setRole("assistant").setText("hello").build()).build(), "history:");
  }

  private void assertInvalid(ChatTurnRequest request, String field) {
    assertThatThrownBy(() -> llm.chatTurn(request)).isInstanceOfSatisfying(
        StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith(field);
        });
  }
}
