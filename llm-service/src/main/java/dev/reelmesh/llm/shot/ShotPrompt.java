package dev.reelmesh.llm.shot;

import java.util.List;

/** An assembled Sora-style shot prompt with its checks and what sanitising changed. */
public record ShotPrompt(String prompt, int wordCount, int sentenceCount, String cameraMove,
    List<ShotCheck> checks, List<String> sanitizationNotes) {
  public ShotPrompt {
    checks = List.copyOf(checks);
    sanitizationNotes = List.copyOf(sanitizationNotes);
  }

  public boolean allPassed() {
    return checks.stream().allMatch(ShotCheck::passed);
  }
}
