package dev.reelmesh.llm.clipprompt;

import java.util.List;

/** The video prompt for one clip, with its metadata (the domain side of ClipPrompt). */
public record GeneratedClipPrompt(int clipIndex, String prompt, String negativePrompt,
    double durationSeconds, String sceneUrl, List<String> characterUrls, int wordCount,
    List<String> styleKeywords, String sceneId, List<String> characterIds, ReferenceMode referenceMode,
    boolean validated) {

  public GeneratedClipPrompt {
    characterUrls = List.copyOf(characterUrls);
    styleKeywords = List.copyOf(styleKeywords);
    characterIds = List.copyOf(characterIds);
  }

  public GeneratedClipPrompt withPrompt(String text) {
    return new GeneratedClipPrompt(clipIndex, text, negativePrompt, durationSeconds, sceneUrl,
        characterUrls, Words.count(text), styleKeywords, sceneId, characterIds, referenceMode, validated);
  }

  GeneratedClipPrompt with(String text, String negative, double duration, String scene,
      List<String> chars, List<String> keywords, boolean isValidated) {
    return new GeneratedClipPrompt(clipIndex, text, negative, duration, scene, chars,
        Words.count(text), keywords, sceneId, characterIds, referenceMode, isValidated);
  }
}
