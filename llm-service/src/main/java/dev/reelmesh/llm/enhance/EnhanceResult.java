package dev.reelmesh.llm.enhance;

import java.util.List;

/** The best prompt found, every round, and why the loop stopped. */
public record EnhanceResult(String enhancedPrompt, List<Round> rounds, int finalScore, String stopReason,
    Critique original) {
  public EnhanceResult {
    rounds = List.copyOf(rounds);
  }

  /** One writer rewrite and the critic's verdict on it; rounds count from 1. */
  public record Round(int round, String prompt, int criticScore, String critique) {}
}
