package dev.reelmesh.llm.engine.openai;

import dev.reelmesh.llm.engine.Cost;
import java.util.List;

/** The JSON text a chat call answered, and its cost lines from the reported token usage. */
record ChatReply(String json, List<Cost> costs) {}
