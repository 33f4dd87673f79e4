package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.ChatToolResult;

/** A chat message as the lines {@code reelmesh chat} prints: words, tool calls, results. */
final class ChatLines {
  private static final int MAX_RESULT = 400;

  private ChatLines() {}

  /** The lines for {@code m}. */
  static String of(ChatServerMessage m) {
    return switch (m.getKindCase()) {
      case USER -> "you> " + m.getUser().getText();
      case ANSWER -> "agent> " + m.getAnswer().getText().replace("\n", "\n       ");
      case TOOL_CALL -> call(m.getToolCall());
      case TOOL_RESULT -> result(m.getToolResult());
      case NOTICE -> "  ! " + m.getNotice().getCode() + ": " + m.getNotice().getMessage();
      default -> "";
    };
  }

  private static String call(ChatToolCall call) {
    return "  -> " + call.getTool() + " " + call.getArgumentsJson()
        + (call.getNeedsConfirmation() ? "\n  ? " + call.getSummary() : "");
  }

  private static String result(ChatToolResult r) {
    String json = r.getResultJson();
    if (json.length() > MAX_RESULT) {
      json = json.substring(0, MAX_RESULT) + "…";
    }
    return r.getOk() ? "  <- " + r.getTool() + " ok " + json
        : "  <- " + r.getTool() + " " + r.getStatus() + ": " + r.getMessage();
  }
}
