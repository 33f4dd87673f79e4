package dev.reelmesh.llm.chat;

import java.util.List;

/**
 * One message of a conversation: the user's words, the assistant's words and tool calls, or a
 * tool's result (its JSON, whether it succeeded, and its status name).
 */
public record TurnMessage(Role role, String text, List<ToolInvocation> calls, String callId,
    String tool, boolean ok, String status) {
  public enum Role { USER, ASSISTANT, TOOL }

  public TurnMessage {
    calls = List.copyOf(calls);
  }

  public static TurnMessage user(String text) {
    return new TurnMessage(Role.USER, text, List.of(), "", "", true, "");
  }
}
