package dev.reelmesh.llm.chat;

import java.util.List;

/** One turn to answer: the conversation so far, the tools on offer, what the caller knows. */
public record ChatTurn(List<TurnMessage> history, List<ToolSpec> tools, TurnContext context) {
  public ChatTurn {
    history = List.copyOf(history);
    tools = List.copyOf(tools);
  }

  public boolean offers(String tool) {
    return tools.stream().anyMatch(t -> t.name().equals(tool));
  }

  /** The tool messages at the end of the history (answers to the last calls), oldest first. */
  public List<TurnMessage> trailingResults() {
    int i = history.size();
    while (i > 0 && history.get(i - 1).role() == TurnMessage.Role.TOOL) {
      i--;
    }
    return history.subList(i, history.size());
  }

  /** The last thing the user said, or "" when they said nothing yet. */
  public String lastUserText() {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).role() == TurnMessage.Role.USER) {
        return history.get(i).text();
      }
    }
    return "";
  }
}
