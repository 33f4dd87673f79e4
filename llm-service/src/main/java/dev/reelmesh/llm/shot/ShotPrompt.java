package dev.reelmesh.llm.shot;

import java.util.List;

/**
 * An assembled Sora-style shot prompt with its checks, what sanitising changed, how it was made
 * ({@code assembly}: "template", "template_repaired", "llm", "llm_repaired") and what a repair
 * changed.
 */
public record ShotPrompt(String prompt, int wordCount, int sentenceCount, String cameraMove,
    List<ShotCheck> checks, List<String> sanitizationNotes, String assembly, List<String> repairs) {
  public ShotPrompt {
    checks = List.copyOf(checks);
    sanitizationNotes = List.copyOf(sanitizationNotes);
    repairs = List.copyOf(repairs);
  }

  static ShotPrompt of(String prompt, ShotFragments f, boolean ref, List<String> notes, String assembly,
      List<String> repairs) {
    return new ShotPrompt(prompt, ShotChecks.words(prompt), ShotChecks.sentences(prompt), f.cameraMove(),
        ShotChecks.run(prompt, f, ref), notes, assembly, repairs);
  }

  public boolean allPassed() {
    return checks.stream().allMatch(ShotCheck::passed);
  }
}
