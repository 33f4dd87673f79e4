package dev.reelmesh.scoring.rank;

import java.util.List;
import java.util.Map;

/** The ranked variations (sorted by rank), the weights applied and what the caller should know. */
public record Ranking(
    List<RankedImage> ranked, int bestIndex, Map<String, Double> weightsUsed,
    List<String> warnings) {}
