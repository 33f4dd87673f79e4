package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.common.text.TokenEstimate;
import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatTurnMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversation a turn sends, cut to a token budget. Tokens are estimated, not counted: no
 * tokenizer for the OpenAI encodings resolves on this build's Maven mirror, and the llm-service
 * prices its hold with the same rule ({@link TokenEstimate}: a quarter of the ASCII characters,
 * a token for every other code point), plus {@link #PER_MESSAGE} for the role and framing every
 * chat message costs; a tool call counts
 * its name and its arguments, a tool result its name, its call id and its JSON.
 *
 * <p>The latest user message and everything after it (this turn's calls and results) are always
 * sent, so the model never answers without the question; before them, the newest messages that
 * fit, dropping the oldest first. A window never opens on a tool result whose call it dropped.
 * What was dropped is said in one assistant note at the start (counted in the budget), so the
 * model knows the conversation is longer; the job and brief it was about still travel in the
 * turn's context, which is read from the whole conversation.
 */
final class TokenBudget {
  static final int PER_MESSAGE = TokenEstimate.PER_MESSAGE;
  /** The llm-service takes at most 200 history messages, however short. */
  static final int MAX_MESSAGES = 200;
  /** The most the note about dropped messages costs (any counts up to 99,999 and 10^9). */
  static final int NOTE_TOKENS = tokens(note(99_999, 999_999_999));
  private final int budget;

  TokenBudget(int budget) {
    this.budget = budget;
  }

  static int tokens(ChatTurnMessage m) {
    StringBuilder text = new StringBuilder(m.getText()).append(m.getCallId()).append(m.getTool());
    for (ChatToolInvocation call : m.getCallsList()) {
      text.append(call.getCallId()).append(call.getTool()).append(call.getArgumentsJson());
    }
    return PER_MESSAGE + (int) TokenEstimate.of(text);
  }

  /** The newest messages within the budget (the latest user turn always), oldest first. */
  List<ChatTurnMessage> fit(List<ChatTurnMessage> all) {
    int latest = all.size();
    while (latest > 0 && !all.get(latest - 1).getRole().equals("user")) {
      latest--;
    }
    int keep = latest == 0 ? all.size() : latest - 1; // from the latest user message on
    int from = keep;
    long used = 0;
    for (int i = from; i < all.size(); i++) {
      used += tokens(all.get(i));
    }
    // Older messages, newest first, while they and the note about the rest still fit.
    while (from > 0 && used + tokens(all.get(from - 1)) + (from > 1 ? NOTE_TOKENS : 0)
        <= budget && all.size() - from + 2 <= MAX_MESSAGES) {
      used += tokens(all.get(--from));
    }
    while (from < keep && all.get(from).getRole().equals("tool")) {
      from++;
    }
    List<ChatTurnMessage> sent = new ArrayList<>();
    if (from > 0) {
      long dropped = all.subList(0, from).stream().mapToLong(TokenBudget::tokens).sum();
      sent.add(note(from, dropped));
    }
    sent.addAll(all.subList(from, all.size()));
    return sent;
  }

  static ChatTurnMessage note(int dropped, long tokens) {
    return ChatTurnMessage.newBuilder().setRole("assistant").setText(String.format(Locale.ROOT,
        "(Earlier in this conversation: %d message(s), about %,d tokens, left out to fit the "
            + "history budget. The job and brief they were about are in the context.)",
        dropped, tokens)).build();
  }
}
