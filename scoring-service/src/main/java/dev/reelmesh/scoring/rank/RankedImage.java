package dev.reelmesh.scoring.rank;

import dev.reelmesh.scoring.engine.ScoreValue;
import java.util.List;

/** One variation's place: rank 1 is best. */
public record RankedImage(
    int imageIndex, int rank, double overall, List<ScoreValue> scores, boolean belowThreshold) {}
