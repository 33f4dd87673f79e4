package dev.reelmesh.llm.chat;

import dev.reelmesh.v1.ChatContext;
import dev.reelmesh.v1.ChatToolSpec;
import dev.reelmesh.v1.ChatTurnMessage;
import dev.reelmesh.v1.ChatTurnRequest;
import java.util.List;

/** ChatTurn requests for tests: the seven pipeline tools on offer, a user's words, results. */
final class ChatTurns {
  static final List<String> TOOLS = List.of("plan", "refine", "estimate", "submit", "approve",
      "regenerate", "status");

  private ChatTurns() {}

  static ChatTurnRequest.Builder request(ChatContext context, ChatTurnMessage... history) {
    ChatTurnRequest.Builder r = ChatTurnRequest.newBuilder().setContext(context);
    for (String tool : TOOLS) {
      r.addTools(ChatToolSpec.newBuilder().setName(tool).setDescription("the " + tool + " tool")
          .setParametersSchemaJson("{\"type\":\"object\",\"properties\":{\"job_id\":"
              + "{\"type\":\"string\"}}}"));
    }
    for (ChatTurnMessage m : history) {
      r.addHistory(m);
    }
    return r;
  }

  static ChatTurnMessage user(String text) {
    return ChatTurnMessage.newBuilder().setRole("user").setText(text).build();
  }

  static ChatTurnMessage result(String callId, String tool, boolean ok, String status,
      String json) {
    return ChatTurnMessage.newBuilder().setRole("tool").setCallId(callId).setTool(tool)
        .setOk(ok).setStatus(status).setText(json).build();
  }

  static ChatContext job(String id, String state, int clips) {
    return ChatContext.newBuilder().setJobId(id).setJobState(state).setClipCount(clips).build();
  }
}
