package dev.reelmesh.llm.enhance;

import static dev.reelmesh.common.error.Statuses.invalid;

/** A checked EnhancePrompt request with defaults applied (4 rounds, target 85). */
public record EnhanceRequest(String prompt, EnhanceContext context, int maxRounds, int targetScore) {
  public static final int DEFAULT_ROUNDS = 4;
  public static final int DEFAULT_TARGET = 85;

  public static EnhanceRequest validated(String prompt, EnhanceContext context, int maxRounds, int targetScore) {
    if (prompt == null || prompt.isBlank()) {
      throw invalid("prompt", "must not be empty or whitespace");
    }
    if (prompt.length() > 4_000) {
      throw invalid("prompt", "must be at most 4,000 characters, got " + prompt.length());
    }
    if (maxRounds < 0 || maxRounds > 8) {
      throw invalid("max_rounds", "must be in [0, 8] (0 = default 4), got " + maxRounds);
    }
    if (targetScore < 0 || targetScore > 100) {
      throw invalid("target_score", "must be in [1, 100] (0 = default 85), got " + targetScore);
    }
    return new EnhanceRequest(prompt.strip(), context, maxRounds == 0 ? DEFAULT_ROUNDS : maxRounds,
        targetScore == 0 ? DEFAULT_TARGET : targetScore);
  }
}
