package dev.reelmesh.scoring.engine;

/** A scorer that could not run for this request, and why, in words a person can act on. */
public record ScorerFailure(String scorer, String reason) {}
