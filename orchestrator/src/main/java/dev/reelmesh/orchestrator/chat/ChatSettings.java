package dev.reelmesh.orchestrator.chat;

import java.util.Map;

/**
 * The chat agent's limits: what one session may spend on the agent's own LLM turns, and how
 * many tokens of conversation each turn sends.
 *
 * @param sessionCapMicros the most one session's turns may be charged, held turns included;
 *     0: no cap beyond the month's limit and the tenant's credits
 * @param historyTokens the token budget of the conversation sent with each turn (see
 *     {@link TokenBudget}); the system prompt and the tool specs are the llm-service's and come
 *     on top
 */
record ChatSettings(long sessionCapMicros, int historyTokens) {
  static final String CAP_VARIABLE = "REELMESH_CHAT_SESSION_CAP_USD";
  static final String HISTORY_VARIABLE = "REELMESH_CHAT_HISTORY_TOKENS";
  /** $1.00 a session: hundreds of turns on a small model, a stop to a runaway loop. */
  static final long DEFAULT_SESSION_CAP_MICROS = 1_000_000;
  static final int DEFAULT_HISTORY_TOKENS = 4_000;
  static final int MIN_HISTORY_TOKENS = 500;
  static final int MAX_HISTORY_TOKENS = 100_000;
  /**
   * What the llm-service adds to the history: its system prompt, the seven tool specs and the
   * context, about 4,000 characters (1,000 tokens) today; held with margin.
   */
  static final int OVERHEAD_TOKENS = 2_000;
  /** The llm-service's ChatTurn asks for at most 800 output tokens. */
  static final int OUTPUT_TOKENS = 800;
  /** The dearest listed model (gpt-4-turbo, which also prices unknown models), per token. */
  static final long INPUT_MICROS_PER_TOKEN = 10;
  static final long OUTPUT_MICROS_PER_TOKEN = 30;

  static final ChatSettings DEFAULTS =
      new ChatSettings(DEFAULT_SESSION_CAP_MICROS, DEFAULT_HISTORY_TOKENS);

  ChatSettings {
    if (sessionCapMicros < 0) {
      throw new IllegalArgumentException(CAP_VARIABLE + " must be >= 0 (0: no cap)");
    }
    if (historyTokens < MIN_HISTORY_TOKENS || historyTokens > MAX_HISTORY_TOKENS) {
      throw new IllegalArgumentException(HISTORY_VARIABLE + " must be in [" + MIN_HISTORY_TOKENS
          + ", " + MAX_HISTORY_TOKENS + "], got " + historyTokens);
    }
  }

  /** From REELMESH_CHAT_SESSION_CAP_USD (dollars) and REELMESH_CHAT_HISTORY_TOKENS. */
  static ChatSettings fromEnv(Map<String, String> env) {
    String cap = env.getOrDefault(CAP_VARIABLE, "").strip();
    String history = env.getOrDefault(HISTORY_VARIABLE, "").strip();
    long capMicros = DEFAULT_SESSION_CAP_MICROS;
    if (!cap.isEmpty()) {
      double usd;
      try {
        usd = Double.parseDouble(cap);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(CAP_VARIABLE + " must be dollars, got '" + cap + "'");
      }
      if (!(usd >= 0) || Double.isInfinite(usd)) {
        throw new IllegalArgumentException(CAP_VARIABLE + " must be >= 0, got " + cap);
      }
      capMicros = Math.round(usd * 1_000_000);
    }
    int tokens = DEFAULT_HISTORY_TOKENS;
    if (!history.isEmpty()) {
      try {
        tokens = Integer.parseInt(history);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(HISTORY_VARIABLE + " must be a whole number of tokens,"
            + " got '" + history + "'");
      }
    }
    return new ChatSettings(capMicros, tokens);
  }

  /**
   * What each turn holds before it is sent, and the most the llm-service may spend on it: the
   * whole history budget plus the service's overhead in, the most it asks for out, at the
   * dearest listed price. $0.084 with the defaults; a cheaper model settles for far less.
   */
  long turnHoldMicros() {
    return (historyTokens + (long) OVERHEAD_TOKENS) * INPUT_MICROS_PER_TOKEN
        + OUTPUT_TOKENS * OUTPUT_MICROS_PER_TOKEN;
  }
}
