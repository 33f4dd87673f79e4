package dev.reelmesh.llm.brief;

import java.util.List;

/** A drafted brief and what it was drafted from. */
public record RepositoryBrief(String title, String brief, List<String> concepts, List<String> storyBeats,
    int filesScanned) {
  public RepositoryBrief {
    concepts = List.copyOf(concepts);
    storyBeats = List.copyOf(storyBeats);
  }
}
