package dev.reelmesh.llm.plan;

/** A character: the description is repeated verbatim in every prompt that shows them. */
public record PlanCharacter(String id, String name, String description) {}
