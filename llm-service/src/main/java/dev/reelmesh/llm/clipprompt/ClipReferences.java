package dev.reelmesh.llm.clipprompt;

import java.util.List;

/** The references one clip gets; {@code sceneUrl} is empty when none. */
public record ClipReferences(String sceneUrl, List<String> characterUrls, ReferenceMode mode,
    boolean productAnchored) {
  public ClipReferences {
    characterUrls = List.copyOf(characterUrls);
  }
}
