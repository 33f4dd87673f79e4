package dev.reelmesh.orchestrator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.v1.ChatContext;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatTurnMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session's stored conversation read two ways: as the messages a ChatTurn sees (user words,
 * assistant words and tool calls, tool results; notices are for people only), and for what the
 * conversation is about (the last job a tool touched, the last brief the user gave).
 */
final class ChatHistory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<ChatServerMessage> messages;

  ChatHistory(List<ChatServerMessage> messages) {
    this.messages = List.copyOf(messages);
  }

  /** The conversation as a turn sends it: within {@code tokens} (see {@link TokenBudget}). */
  List<ChatTurnMessage> forTurn(int tokens) {
    List<ChatTurnMessage.Builder> turn = new ArrayList<>();
    for (ChatServerMessage m : messages) {
      switch (m.getKindCase()) {
        case USER -> turn.add(ChatTurnMessage.newBuilder().setRole("user")
            .setText(m.getUser().getText()));
        case ANSWER -> turn.add(ChatTurnMessage.newBuilder().setRole("assistant")
            .setText(m.getAnswer().getText()));
        case TOOL_CALL -> {
          ChatTurnMessage.Builder last = turn.isEmpty() ? null : turn.get(turn.size() - 1);
          if (last == null || !last.getRole().equals("assistant")) {
            last = ChatTurnMessage.newBuilder().setRole("assistant");
            turn.add(last);
          }
          ChatToolCall call = m.getToolCall();
          last.addCalls(ChatToolInvocation.newBuilder().setCallId(call.getCallId())
              .setTool(call.getTool()).setArgumentsJson(call.getArgumentsJson()));
        }
        case TOOL_RESULT -> turn.add(ChatTurnMessage.newBuilder().setRole("tool")
            .setCallId(m.getToolResult().getCallId()).setTool(m.getToolResult().getTool())
            .setOk(m.getToolResult().getOk()).setStatus(m.getToolResult().getStatus())
            .setText(m.getToolResult().getResultJson()));
        default -> { } // notices are said to the user, not to the model
      }
    }
    return new TokenBudget(tokens).fit(turn.stream().map(ChatTurnMessage.Builder::build)
        .toList());
  }

  /** The call that waits for the user's confirmation: the last call, if it has no result. */
  Optional<ChatToolCall> pending() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      ChatServerMessage m = messages.get(i);
      if (m.hasToolResult()) {
        return Optional.empty();
      }
      if (m.hasToolCall()) {
        return m.getToolCall().getNeedsConfirmation() ? Optional.of(m.getToolCall())
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The job and brief the conversation is about, newest first; the state is the caller's. */
  ChatContext.Builder context() {
    ChatContext.Builder context = ChatContext.newBuilder();
    for (int i = messages.size() - 1; i >= 0; i--) {
      ChatServerMessage m = messages.get(i);
      if (context.getJobId().isEmpty() && m.hasToolResult() && m.getToolResult().getOk()) {
        JsonNode result = parse(m.getToolResult().getResultJson());
        context.setJobId(result.path("job_id").asText(""));
        if (result.path("clips").isArray()) {
          context.setClipCount(result.path("clips").size());
        }
        context.setClipCount(result.path("clip_count").asInt(context.getClipCount()));
      }
      if (context.getBrief().isEmpty() && m.hasToolCall()) {
        JsonNode args = parse(m.getToolCall().getArgumentsJson());
        if (args.hasNonNull("brief")) {
          context.setBrief(args.path("brief").asText())
              .setDurationSeconds(args.path("duration_seconds").asDouble(0));
        }
      }
    }
    return context;
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json.isBlank() ? "{}" : json);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
