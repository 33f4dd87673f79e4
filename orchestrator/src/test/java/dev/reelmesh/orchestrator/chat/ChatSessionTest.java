package dev.reelmesh.orchestrator.chat;

import static dev.reelmesh.orchestrator.chat.ChatJobTest.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatConfirmation;
import dev.reelmesh.v1.ChatResume;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatServerMessage.KindCase;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.ListJobsRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions: a reconnect resumes after a sequence, a restarted orchestrator keeps the history,
 * a paid call is never run unconfirmed, and each bad message ends the call with its status.
 */
class ChatSessionTest {
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

  @Test
  void aReconnectGetsTheRestAndARestartKeepsTheHistory() throws Exception {
    String session;
    List<ChatServerMessage> first;
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      first = chat.say("tell me a joke");
      assertThat(kinds(first)).containsExactly(KindCase.USER, KindCase.ANSWER);
      assertThat(first.get(1).getAnswer().getText()).contains("I can plan a video");
      first = new java.util.ArrayList<>(first);
      first.addAll(chat.say("status"));
      session = chat.sessionId;
    }
    assertThat(first).extracting(ChatServerMessage::getSequence).containsExactly(1L, 2L, 3L, 4L);
    try (ChatClient again = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> rest = again.resume(session, 2, 2);
      assertThat(rest).containsExactlyElementsOf(first.subList(2, 4));
      assertThat(again.quiet(300)).isTrue(); // nothing repeated, nothing extra
    }
    // A new engine on the same database: the conversation is still there and goes on.
    mesh.stopPipeline();
    mesh.startPipeline();
    try (ChatClient later = new ChatClient(mesh.pipelineChannel())) {
      assertThat(later.resume(session, 0, 4)).containsExactlyElementsOf(first);
      List<ChatServerMessage> next = later.say("help");
      assertThat(next.get(0).getSequence()).isEqualTo(5);
      assertThat(next.get(0).getUser().getText()).isEqualTo("help");
    }
  }

  @Test
  void aPaidCallWaitsAndADeclineSpendsNothing() throws Exception {
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      List<ChatServerMessage> asked = chat.say("render a 4-second video of a red kettle on a "
          + "kitchen table");
      assertThat(kinds(asked)).containsExactly(KindCase.USER, KindCase.TOOL_CALL);
      ChatToolCall submit = asked.get(1).getToolCall();
      assertThat(submit.getTool()).isEqualTo("submit");
      assertThat(submit.getNeedsConfirmation()).isTrue();
      assertThat(submit.getEstimate().getEstimatedTotalMicros()).isZero();
      assertThat(submit.getSummary()).startsWith("render a new video of \"a 4-second video");
      assertThat(jobs()).isZero();
      List<ChatServerMessage> declined = chat.confirm(submit.getCallId(), false);
      assertThat(declined.get(0).getToolResult().getStatus()).isEqualTo("CANCELLED");
      assertThat(declined.get(0).getToolResult().getOk()).isFalse();
      assertThat(declined.get(1).getAnswer().getText()).contains("did not run submit");
      assertThat(jobs()).isZero();
      // Writing instead of confirming declines the waiting call, and says so.
      ChatToolCall again = chat.say("render it").get(1).getToolCall();
      List<ChatServerMessage> wrote = chat.say("tell me a joke");
      assertThat(wrote.get(0).getToolResult().getCallId()).isEqualTo(again.getCallId());
      assertThat(wrote.get(0).getToolResult().getMessage()).contains("wrote instead");
      assertThat(jobs()).isZero();
      // A typed "no" answers the question as the No button would.
      ChatToolCall third = chat.say("render it").get(1).getToolCall();
      List<ChatServerMessage> no = chat.say("No.");
      assertThat(kinds(no)).containsExactly(KindCase.USER, KindCase.TOOL_RESULT,
          KindCase.ANSWER);
      assertThat(no.get(1).getToolResult().getCallId()).isEqualTo(third.getCallId());
      assertThat(no.get(1).getToolResult().getMessage()).isEqualTo("declined by the user");
      assertThat(jobs()).isZero();
    }
  }

  private int jobs() {
    return mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance()).getJobsCount();
  }

  @Test
  void badMessagesEndTheCallWithTheirStatusAndField() throws Exception {
    String session;
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      chat.say("help");
      session = chat.sessionId;
    }
    refused(c -> c.send(text("", "   ")), Status.Code.INVALID_ARGUMENT, "text:");
    refused(c -> c.send(ChatClientMessage.newBuilder().setSessionId(session).build()),
        Status.Code.INVALID_ARGUMENT, "kind:");
    refused(c -> c.send(ChatClientMessage.newBuilder().setResume(ChatResume.getDefaultInstance())
        .build()), Status.Code.INVALID_ARGUMENT, "session_id:");
    refused(c -> c.send(text(UUID.randomUUID().toString(), "hello")), Status.Code.NOT_FOUND,
        "session_id:");
    refused(c -> c.send(ChatClientMessage.newBuilder().setSessionId(session)
        .setResume(ChatResume.newBuilder().setAfterSequence(99)).build()),
        Status.Code.OUT_OF_RANGE, "resume.after_sequence:");
    refused(c -> c.send(ChatClientMessage.newBuilder().setSessionId(session).setConfirmation(
        ChatConfirmation.newBuilder().setCallId("offline-1-submit").setApproved(true)).build()),
        Status.Code.FAILED_PRECONDITION, "confirmation:");
    // Another tenant's session is not found, as if it never was.
    String name = "acme-" + UUID.randomUUID();
    ServiceHost acme = ServiceHost.start(Transports.inProcess(name), mesh.pipelineServices(),
        AuthInterceptor.trusting(new Principal("bob", "acme", EnumSet.of(Role.SUBMIT))));
    ManagedChannel channel = Transports.inProcessChannel(name);
    try (ChatClient bob = new ChatClient(channel)) {
      bob.send(text(session, "status"));
      Status status = bob.ended();
      assertThat(status.getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(status.getDescription()).startsWith("session_id:");
    }
    try (ChatClient bob = new ChatClient(channel)) {
      // Bob's own session is his tenant's: it works.
      assertThat(bob.say("help").get(1).hasAnswer()).isTrue();
    } finally {
      channel.shutdownNow();
      acme.shutdown(1_000);
    }
  }

  private static ChatClientMessage text(String session, String text) {
    return ChatClientMessage.newBuilder().setSessionId(session).setText(text).build();
  }

  private void refused(Consumer<ChatClient> send, Status.Code code, String field)
      throws Exception {
    try (ChatClient chat = new ChatClient(mesh.pipelineChannel())) {
      send.accept(chat);
      Status status = chat.ended();
      assertThat(status.getCode()).as(String.valueOf(status)).isEqualTo(code);
      assertThat(status.getDescription()).startsWith(field);
    }
  }
}
