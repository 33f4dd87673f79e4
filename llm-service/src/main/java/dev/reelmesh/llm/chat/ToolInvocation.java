package dev.reelmesh.llm.chat;

/** A call of one offered tool with a JSON object of arguments. */
public record ToolInvocation(String callId, String tool, String argumentsJson) {}
