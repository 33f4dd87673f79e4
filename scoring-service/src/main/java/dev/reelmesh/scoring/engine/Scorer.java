package dev.reelmesh.scoring.engine;

import java.util.List;

/** Scores every image of one request; one score per image, in order. */
public interface Scorer {
  String name();

  /** Why this scorer cannot run now (no model serving, ...), or null when it can. */
  default String unavailableReason() {
    return null;
  }

  /**
   * Throws {@link ScorerUnavailableException} when the scorer cannot run (no model, model
   * failed); the engine reports that as a failure and goes on with the other scorers.
   */
  List<ScoreValue> score(ScoringInput input);
}
