package dev.reelmesh.scoring.clipcheck;

import java.util.List;

/** The verdict on one clip: every frame's checks, the lowest match, and why it was flagged. */
public record ClipCheck(boolean flagged, double score, double threshold, List<FrameResult> frames,
    List<String> reasons, List<String> warnings, boolean builtinFallback) {
  /** -1 marks a check that did not run. */
  public record FrameResult(int index, String position, double promptMatch, String promptScorer,
      double storyboardSimilarity, String similarityMethod, double match, boolean below) {}
}
