package dev.reelmesh.llm.brief;

import java.util.List;
import java.util.Map;

/**
 * A drafted repository video: the brief for PlanScript, its subject (the project, as the product
 * PlanScript shows by use), the concepts and their gags, the timed outline, the token figures and
 * what the scan read and skipped.
 */
public record RepositoryBrief(String title, String subject, String productDescription, String brief,
    List<Concept> concepts, List<StoryTemplate.Beat> outline, int tokensBefore, int tokensAfter, int tokenCap,
    int filesScanned, Map<String, Integer> filesByKind, String storySource) {
  public RepositoryBrief {
    concepts = List.copyOf(concepts);
    outline = List.copyOf(outline);
    filesByKind = Map.copyOf(filesByKind);
  }
}
