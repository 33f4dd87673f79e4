package dev.reelmesh.llm.plan.reading;

/** A colour the brief names ("red"), its hex, and the noun it colours ("mug"; "" when free). */
public record NamedColour(String name, String hex, String appliesTo) {}
