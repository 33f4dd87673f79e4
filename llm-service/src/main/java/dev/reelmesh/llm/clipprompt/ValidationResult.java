package dev.reelmesh.llm.clipprompt;

import java.util.List;

/** The validator's verdict: fixed prompts and notes, or a refusal saying what could not be fixed. */
public record ValidationResult(List<GeneratedClipPrompt> prompts, List<String> notes, String refusal) {
  public ValidationResult {
    prompts = List.copyOf(prompts);
    notes = List.copyOf(notes);
  }

  public boolean accepted() {
    return refusal.isEmpty();
  }

  static ValidationResult refused(String why, List<String> notes) {
    return new ValidationResult(List.of(), notes, why);
  }
}
