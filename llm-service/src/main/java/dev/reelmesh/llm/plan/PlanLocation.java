package dev.reelmesh.llm.plan;

/** A location (the scene id of clip prompts). */
public record PlanLocation(String id, String name, String description) {}
