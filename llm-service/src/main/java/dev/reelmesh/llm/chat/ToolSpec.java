package dev.reelmesh.llm.chat;

/** A tool the caller offers: its name, what it does, and its arguments' JSON schema. */
public record ToolSpec(String name, String description, String schemaJson) {}
