package dev.reelmesh.llm.brief;

/**
 * Token budget levels of a generated brief (ULTRA_LOW → STANDARD). STANDARD's 2,500 tokens is the
 * budget the repository-aware brief generator worked under; each lower level roughly halves the
 * spend. About 4 characters per token; never above PlanScript's 4,000-character brief limit.
 */
public enum BudgetLevel {
  ULTRA_LOW(250, 3),
  LOW(500, 5),
  MEDIUM(1_000, 8),
  HIGH(1_750, 12),
  STANDARD(2_500, 16);

  final int tokens;
  final int maxConcepts;

  BudgetLevel(int tokens, int maxConcepts) {
    this.tokens = tokens;
    this.maxConcepts = maxConcepts;
  }

  public int maxBriefChars() {
    return Math.min(4_000, tokens * 4);
  }
}
