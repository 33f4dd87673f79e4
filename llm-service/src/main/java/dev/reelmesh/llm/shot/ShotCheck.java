package dev.reelmesh.llm.shot;

/** One post-check of an assembled prompt ("word_count", passed, "34 words"). */
public record ShotCheck(String name, boolean passed, String detail) {}
