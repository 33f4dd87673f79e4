package dev.reelmesh.scoring.engine;

import java.util.List;

/**
 * The scores of one request: {@code scores.get(i)} holds image i's scores, one per scorer in
 * {@code scorersRun}, in that order.
 */
public record ScoringOutcome(
    List<String> scorersRun,
    List<List<ScoreValue>> scores,
    List<ScorerFailure> failures,
    List<String> warnings) {}
