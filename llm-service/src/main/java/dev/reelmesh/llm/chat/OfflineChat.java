package dev.reelmesh.llm.chat;

/**
 * The offline chat engine: after tool results it says what they were; after the user's words
 * it reads their intent into tool calls ({@link IntentParser}). No network, no cost.
 */
public final class OfflineChat {
  public TurnAnswer answer(ChatTurn turn) {
    if (!turn.trailingResults().isEmpty()) {
      return TurnAnswer.say(ResultWords.describe(turn.trailingResults()));
    }
    return IntentParser.read(turn);
  }
}
