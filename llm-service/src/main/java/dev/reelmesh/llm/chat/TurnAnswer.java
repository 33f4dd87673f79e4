package dev.reelmesh.llm.chat;

import java.util.List;

/** An engine's answer to a turn: words, tool calls to run, or both (words first). */
public record TurnAnswer(String reply, List<ToolInvocation> calls) {
  public TurnAnswer {
    calls = List.copyOf(calls);
  }

  public static TurnAnswer say(String reply) {
    return new TurnAnswer(reply, List.of());
  }
}
