package dev.reelmesh.llm.clipprompt;

import java.util.List;

/**
 * Everything one batch LLM call needs to rewrite the template prompts of all clips, including the
 * target family's length at both ends and its prompt style.
 */
public record ClipPromptBatch(List<Entry> clips, List<String> styleKeywords, int minWords, int maxWords,
    String style) {
  public ClipPromptBatch {
    clips = List.copyOf(clips);
    styleKeywords = List.copyOf(styleKeywords);
  }

  /** One clip's base prompt and context (no URLs: references travel outside the text). */
  public record Entry(int clipIndex, String basePrompt, String visualDescription, String motion,
      String camera, String sceneId, List<String> characterIds, List<String> characterDescriptions,
      double durationSeconds, String beatIntensity, String referenceMode) {}
}
