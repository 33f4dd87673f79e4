package dev.reelmesh.llm.clipprompt;

import java.util.List;

/** Prompts for every clip of one plan (the domain side of ClipPrompts). */
public record ClipPromptSet(List<GeneratedClipPrompt> prompts, List<String> styleKeywords,
    String negativePrompt, double generationMs, List<String> validationNotes) {
  public ClipPromptSet {
    prompts = List.copyOf(prompts);
    styleKeywords = List.copyOf(styleKeywords);
    validationNotes = List.copyOf(validationNotes);
  }
}
