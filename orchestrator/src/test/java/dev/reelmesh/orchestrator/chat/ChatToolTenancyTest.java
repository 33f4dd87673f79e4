package dev.reelmesh.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.ChatToolResult;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's tools act as the chat's caller: a job id the LLM names (from the user's words, or
 * invented) reaches only the caller's tenant's jobs. Another tenant's job is refused exactly as
 * a missing one (NOT_FOUND, the same words), so a chat cannot act on it or probe its id.
 */
class ChatToolTenancyTest {
  @TempDir static Path dir;
  static TestMesh mesh;
  static CallerChannel tools;
  static String jobId;

  @BeforeAll
  static void start() {
    mesh = TestMesh.start(dir);
    tools = CallerChannel.serve(mesh.pipelineServices().get(0));
    // Tenant "local"'s job, waiting at its plan: every tool has something to act on.
    jobId = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(TestMesh
        .quickSpec("a paper boat on a puddle", 4).setRequirePlanApproval(true)).build())
        .getJobId();
  }

  @AfterAll
  static void stop() {
    tools.close();
    mesh.close();
  }

  static ChatToolResult run(Principal caller, String tool, String arguments) {
    return new ToolRunner(tools.as(caller)).run(ChatToolCall.newBuilder().setCallId("c-" + tool)
        .setTool(tool).setArgumentsJson(arguments).build());
  }

  @Test
  void everyJobToolOfAnotherTenantAnswersAsForAMissingJob() {
    Principal mallory = new Principal("mallory", "mallory", EnumSet.of(Role.SUBMIT));
    String missing = "job-0000000000000000";
    for (String id : List.of(jobId, missing)) {
      for (String[] call : new String[][] {{"status", "{\"job_id\":\"" + id + "\"}"},
          {"estimate", "{\"job_id\":\"" + id + "\"}"},
          {"approve", "{\"job_id\":\"" + id + "\"}"},
          {"refine", "{\"job_id\":\"" + id + "\",\"instruction\":\"make it warmer\"}"},
          {"regenerate", "{\"job_id\":\"" + id + "\",\"clips\":[1]}"}}) {
        ChatToolResult result = run(mallory, call[0], call[1]);
        assertThat(result.getOk()).as(call[0] + " " + id).isFalse();
        assertThat(result.getStatus()).as(call[0] + " " + id).isEqualTo("NOT_FOUND");
        assertThat(result.getMessage()).as(call[0] + " " + id).isEqualTo("no job '" + id + "'");
      }
    }
    // Nothing happened to it: it still waits at its plan, for its own tenant to act.
    ChatToolResult own = run(new Principal("owner", "local", EnumSet.of(Role.SUBMIT)), "status",
        "{\"job_id\":\"" + jobId + "\"}");
    assertThat(own.getOk()).as(own.getMessage()).isTrue();
    assertThat(own.getResultJson()).contains("\"job_id\":\"" + jobId + "\"");
  }
}
