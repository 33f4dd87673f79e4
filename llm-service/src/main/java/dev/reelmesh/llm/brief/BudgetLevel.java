package dev.reelmesh.llm.brief;

/**
 * Token budget levels of a repository video package (the brief plus the outline's per-beat
 * directions), ULTRA_LOW → STANDARD. STANDARD's 2,500 tokens is the budget the repository-aware
 * generator worked under; each level below gives fewer concepts, drops their meanings, then
 * shortens the directions; the composer then trims until the package fits its cap. Tokens are
 * estimated at 4 characters each (OpenAI's rule of thumb for English).
 */
public enum BudgetLevel {
  ULTRA_LOW(250, 3, false, 14),
  LOW(500, 5, false, 24),
  MEDIUM(1_000, 8, true, 40),
  HIGH(1_750, 12, true, 70),
  STANDARD(2_500, 16, true, 120);

  /** The brief handed to PlanScript never exceeds PlanScript's own limit. */
  public static final int MAX_BRIEF_CHARS = 4_000;

  public final int tokens;
  final int maxConcepts;
  final boolean meanings;
  final int directionWords;

  BudgetLevel(int tokens, int maxConcepts, boolean meanings, int directionWords) {
    this.tokens = tokens;
    this.maxConcepts = maxConcepts;
    this.meanings = meanings;
    this.directionWords = directionWords;
  }

  public static int tokens(String text) {
    return (int) dev.reelmesh.common.text.TokenEstimate.of(text);
  }
}
