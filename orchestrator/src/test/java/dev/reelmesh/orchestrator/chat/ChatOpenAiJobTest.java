package dev.reelmesh.orchestrator.chat;

import static dev.reelmesh.orchestrator.chat.ChatJobTest.kinds;
import static dev.reelmesh.orchestrator.chat.ChatJobTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatServerMessage.KindCase;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole job driven by OpenAI tool calls: the model (the fake) plans, asks to approve (the user
 * confirms), and reads the status of the finished job; the job itself runs on the offline
 * engines (its own LLM service has no key), so every request the fake counts is a chat turn,
 * each held and settled on the session.
 */
class ChatOpenAiJobTest extends FakeLlmChat {
  InProcessService chatLlm;

  /** An offline mesh; the chat's own LLM service (started beside it) talks to the fake. */
  @Override
  TestMesh mesh(Path dir, FakeOpenAiServer fake) {
    TestMesh offline = TestMesh.start(dir);
    chatLlm = InProcessService.start(LlmServices.create(offline.settings,
        TestMesh.chatAt(fake.baseUrl())));
    return offline;
  }

  @AfterEach
  void stopChatLlm() {
    chatLlm.close();
  }

  private JsonNode lastMessage(int i) throws Exception {
    JsonNode messages = request(i).path("messages");
    return messages.get(messages.size() - 1);
  }

  @Test
  void theModelPlansApprovesOnConfirmationAndReportsTheFinishedVideo() throws Exception {
    fake.thenToolCalls("", List.of(List.of("c1", "plan", "{\"brief\":\"a 6-second video of a"
        + " ceramic kettle pouring water at dawn\",\"duration_seconds\":6}")))
        .thenChat("It is planned; say go to render it.", 300, 20);
    try (ChatHost host = new ChatHost(mesh, chatLlm.channel(), ChatSettings.DEFAULTS);
        ChatClient chat = new ChatClient(host.channel())) {
      List<ChatServerMessage> planned = chat.say("plan me a kettle video");
      assertThat(kinds(planned)).containsExactly(KindCase.USER, KindCase.TOOL_CALL,
          KindCase.TOOL_RESULT, KindCase.ANSWER);
      String jobId = result(planned.get(2)).path("job_id").asText();
      assertThat(result(planned.get(2)).path("state").asText()).isEqualTo("awaiting_approval");
      assertThat(lastMessage(1).path("tool_call_id").asText()).isEqualTo("c1");
      assertThat(lastMessage(1).path("content").asText()).contains(jobId);

      fake.thenToolCalls("", List.of(List.of("c2", "approve", "{\"job_id\":\"" + jobId
          + "\"}"))).thenChat("Rendering it now.", 300, 20);
      List<ChatServerMessage> asked = chat.say("go");
      assertThat(kinds(asked)).containsExactly(KindCase.USER, KindCase.TOOL_CALL);
      assertThat(asked.get(1).getToolCall().getNeedsConfirmation()).isTrue();
      assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
      List<ChatServerMessage> approved = chat.confirm("c2", true);
      assertThat(kinds(approved)).containsExactly(KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(approved.get(0).getToolResult().getOk()).isTrue();
      mesh.watchToEnd(jobId, 0);
      Job done = mesh.job(jobId);
      assertThat(done.getState()).as(done.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(mesh.probe(done.getResult().getVideo()).getDurationSeconds())
          .isCloseTo(6.0, Offset.offset(0.3));

      fake.thenToolCalls("", List.of(List.of("c3", "status", "{\"job_id\":\"" + jobId
          + "\"}"))).thenChat("Done: your video is ready.", 300, 20);
      List<ChatServerMessage> status = chat.say("is it done?");
      assertThat(kinds(status)).containsExactly(KindCase.USER, KindCase.TOOL_CALL,
          KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(result(status.get(2)).path("video").asText())
          .isEqualTo(done.getResult().getVideo().getUri());
      assertThat(lastMessage(5).path("tool_call_id").asText()).isEqualTo("c3");
      assertThat(lastMessage(5).path("content").asText()).contains("succeeded");
      assertThat(status.get(3).getAnswer().getText()).isEqualTo("Done: your video is ready.");

      // Six chat turns, each held and settled on the session at its usage × the gpt-4o price
      // (tool calls: 400 in, 40 out; words: 300 in, 20 out); the job's own bill is the offline
      // engines' $0.
      assertThat(fake.requestCount()).isEqualTo(6);
      assertThat(host.rows("select state, count(*) from calls where chat_session = '"
          + chat.sessionId + "' group by state")).containsExactly(List.of("settled", "6"));
      assertThat(host.rows("select sum(actual) from charges where chat_session = '"
          + chat.sessionId + "'")).containsExactly(List.of(String.valueOf(3 * 1_400
          + 3 * 950)));
      assertThat(done.getCost().getActualTotalMicros()).isZero();
    }
  }
}
