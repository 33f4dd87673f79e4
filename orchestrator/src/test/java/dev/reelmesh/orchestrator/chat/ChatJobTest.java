package dev.reelmesh.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatServerMessage.KindCase;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat agent drives a whole job offline through the gRPC API: plan, estimate, render after
 * confirmation, status, regenerate a clip; every tool call and result is streamed, and the job
 * really succeeds (twice).
 */
class ChatJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  TestMesh mesh;

  @BeforeEach
  void start() {
    mesh = TestMesh.start(dir);
  }

  @AfterEach
  void stop() {
    mesh.close();
  }

  static List<KindCase> kinds(List<ChatServerMessage> turn) {
    return turn.stream().map(ChatServerMessage::getKindCase).toList();
  }

  static JsonNode result(ChatServerMessage m) throws Exception {
    return JSON.readTree(m.getToolResult().getResultJson());
  }

  @Test
  void aConversationPlansRendersAndRegeneratesAJob() throws Exception {
    List<ChatServerMessage> all = new ArrayList<>();
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> planned = chat.say("plan a 6-second video: a ceramic kettle "
          + "pours water into a cup, warm morning light");
      all.addAll(planned);
      assertThat(kinds(planned)).containsExactly(KindCase.USER, KindCase.TOOL_CALL,
          KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(planned.get(1).getToolCall().getTool()).isEqualTo("plan");
      assertThat(planned.get(1).getToolCall().getNeedsConfirmation()).isFalse();
      JsonNode plan = result(planned.get(2));
      String jobId = plan.path("job_id").asText();
      assertThat(planned.get(2).getToolResult().getOk()).isTrue();
      assertThat(plan.path("state").asText()).isEqualTo("awaiting_approval");
      assertThat(plan.path("clips").size()).isPositive();
      assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(planned.get(3).getAnswer().getText()).contains("Job " + jobId + " is planned");
      assertThat(planned.get(3).getAnswer().getEngine().getEngine()).isEqualTo("offline-intents");

      List<ChatServerMessage> priced = chat.say("how much?");
      all.addAll(priced);
      assertThat(kinds(priced)).containsExactly(KindCase.USER, KindCase.TOOL_CALL,
          KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(JSON.readTree(priced.get(1).getToolCall().getArgumentsJson()).path("job_id")
          .asText()).isEqualTo(jobId);
      assertThat(result(priced.get(2)).path("estimated_micros").asLong()).isZero();
      assertThat(priced.get(3).getAnswer().getText()).contains("$0.0000");

      // A change to the plan re-plans without rendering: no confirmation, the job keeps
      // waiting, the result is the new plan and says which engine made it (offline here).
      long beforeRefine = mesh.job(jobId).getLastSequence();
      String camera = plan.path("clips").get(0).path("camera").asText().equals("static")
          ? "wide shot" : "static";
      List<ChatServerMessage> refined = chat.say("make clip 1 " + camera);
      all.addAll(refined);
      assertThat(kinds(refined)).containsExactly(KindCase.USER, KindCase.TOOL_CALL,
          KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(refined.get(1).getToolCall().getTool()).isEqualTo("refine");
      assertThat(refined.get(1).getToolCall().getNeedsConfirmation()).isFalse();
      JsonNode replanned = result(refined.get(2));
      assertThat(refined.get(2).getToolResult().getOk())
          .as(refined.get(2).getToolResult().getMessage()).isTrue();
      assertThat(replanned.path("state").asText()).isEqualTo("awaiting_approval");
      assertThat(replanned.path("clips").get(0).path("camera").asText()).isEqualTo(camera);
      assertThat(replanned.path("clips").size()).isEqualTo(plan.path("clips").size());
      assertThat(replanned.path("engine").path("name").asText()).startsWith("offline");
      assertThat(replanned.path("engine").path("fallback").asBoolean()).isFalse();
      assertThat(refined.get(3).getAnswer().getText()).contains("plan is changed by offline")
          .contains(camera);
      Job waiting = mesh.job(jobId);
      assertThat(waiting.getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);
      assertThat(waiting.getStage()).isEqualTo(dev.reelmesh.v1.Stage.STAGE_PLAN);
      // One new event (the refined plan): nothing rendered, nothing fell back.
      assertThat(waiting.getLastSequence()).isEqualTo(beforeRefine + 1);

      // "go" asks first: the render waits for the confirmation, priced; nothing started yet.
      List<ChatServerMessage> asked = chat.say("go");
      all.addAll(asked);
      assertThat(kinds(asked)).containsExactly(KindCase.USER, KindCase.TOOL_CALL);
      ChatToolCall approve = asked.get(1).getToolCall();
      assertThat(approve.getTool()).isEqualTo("approve");
      assertThat(approve.getNeedsConfirmation()).isTrue();
      assertThat(approve.hasEstimate()).isTrue();
      assertThat(approve.getSummary()).contains("render job " + jobId + " as planned");
      assertThat(asked.get(1).getAwaitingUser()).isTrue();
      assertThat(mesh.job(jobId).getState()).isEqualTo(JobState.JOB_STATE_AWAITING_APPROVAL);

      List<ChatServerMessage> approved = chat.confirm(approve.getCallId(), true);
      all.addAll(approved);
      assertThat(kinds(approved)).containsExactly(KindCase.TOOL_RESULT, KindCase.ANSWER);
      assertThat(approved.get(0).getToolResult().getCallId()).isEqualTo(approve.getCallId());
      assertThat(approved.get(0).getToolResult().getOk()).isTrue();
      mesh.watchToEnd(jobId, 0);
      Job done = mesh.job(jobId);
      // The render took the refined plan.
      assertThat(done.getResult().getPlan().getClips(0).getCamera()).isEqualTo(camera);
      assertThat(done.getState()).as(done.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(mesh.probe(done.getResult().getVideo()).getDurationSeconds())
          .isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.3));

      List<ChatServerMessage> status = chat.say("status");
      all.addAll(status);
      assertThat(status.get(1).getToolCall().getTool()).isEqualTo("status");
      assertThat(result(status.get(2)).path("state").asText()).isEqualTo("succeeded");
      assertThat(result(status.get(2)).path("video").asText())
          .isEqualTo(done.getResult().getVideo().getUri());
      assertThat(status.get(3).getAnswer().getText()).contains("has finished");

      List<ChatServerMessage> redo = chat.say("make clip 1 a close-up");
      all.addAll(redo);
      ChatToolCall regenerate = redo.get(1).getToolCall();
      assertThat(regenerate.getTool()).isEqualTo("regenerate");
      assertThat(regenerate.getNeedsConfirmation()).isTrue();
      assertThat(JSON.readTree(regenerate.getArgumentsJson()).path("clips").toString())
          .isEqualTo("[1]");
      long before = mesh.job(jobId).getLastSequence();
      List<ChatServerMessage> redone = chat.confirm(regenerate.getCallId(), true);
      all.addAll(redone);
      assertThat(redone.get(0).getToolResult().getOk())
          .as(redone.get(0).getToolResult().getMessage()).isTrue();
      mesh.watchToEnd(jobId, before);
      Job again = mesh.job(jobId);
      assertThat(again.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(again.getResult().getPlan().getClips(0).getCamera()).isEqualTo("close-up");
    }
    // One session, its messages numbered 1..n without a gap, each tool call before its result.
    assertThat(all).extracting(ChatServerMessage::getSequence)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, all.size())
            .boxed().toList());
    assertThat(all).extracting(ChatServerMessage::getSessionId).containsOnly(
        all.get(0).getSessionId());
    assertThat(all.stream().filter(ChatServerMessage::hasToolCall).map(m -> m.getToolCall()
        .getTool())).containsExactly("plan", "estimate", "refine", "approve", "status",
        "regenerate");
  }
}
